// Totals under the lanes: time per state per agent and overall (with a stacked bar), logged-in
// time, time over the limits (when a limit is set), and away time broken down by reason (with its
// time over the limits). Server text goes in with textContent.
import { AGENT_STATES, AGENT_STATE_LABEL, type AgentState } from '../../domain/agentState';
import type { StateTotals } from '../../domain/timelineTypes';
import type { LaneInfo } from '../../shared/columnar';
import type { TotalsPayload } from '../../shared/protocol';
import { formatDuration } from '../../shared/timeFormat';
import { STATE_CLASS } from './legend';
import { laneLabels } from '../../shared/laneLabels';

const cell = (tag: 'td' | 'th', text: string, cls?: string) => {
  const c = document.createElement(tag);
  c.textContent = text;
  if (cls) c.className = cls;
  return c;
};

function stackedBar(t: StateTotals): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'stack';
  const total = AGENT_STATES.reduce((s, k) => s + t.byState[k], 0);
  AGENT_STATES.forEach((k, i) => {
    if (!total || !t.byState[k]) return;
    const seg = document.createElement('span');
    seg.className = `swatch ${STATE_CLASS[i]}`;
    seg.style.width = `${(100 * t.byState[k]) / total}%`;
    seg.title = `${AGENT_STATE_LABEL[k]} ${formatDuration(t.byState[k])}`;
    bar.appendChild(seg);
  });
  return bar;
}

function row(name: string, t: StateTotals, strong: boolean, limits: boolean): HTMLTableRowElement {
  const tr = document.createElement('tr');
  if (strong) tr.className = 'overall';
  tr.appendChild(cell('th', name));
  const barCell = document.createElement('td');
  barCell.appendChild(stackedBar(t));
  tr.appendChild(barCell);
  for (const s of AGENT_STATES) tr.appendChild(cell('td', formatDuration(t.byState[s as AgentState]), 'num'));
  tr.appendChild(cell('td', formatDuration(t.loggedIn), 'num'));
  if (limits) tr.appendChild(cell('td', formatDuration(t.overMs), t.overMs > 0 ? 'num over' : 'num'));
  return tr;
}

/** `limits`: a time limit is set — the "Over limit" columns are shown. */
export function renderTotals(root: HTMLElement, lanes: readonly LaneInfo[], totals: TotalsPayload, focusAgentId: string | undefined, limits: boolean): void {
  root.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = 'Totals';
  root.appendChild(heading);
  const wrap = document.createElement('div');
  wrap.className = 'totals-grid';
  const table = document.createElement('table');
  table.className = 'totals';
  const head = document.createElement('tr');
  head.append(cell('th', 'Agent'), cell('th', 'Share'), ...AGENT_STATES.map(s => cell('th', AGENT_STATE_LABEL[s], 'num')), cell('th', 'Logged in', 'num'), ...(limits ? [cell('th', 'Over limit', 'num')] : []));
  const thead = document.createElement('thead');
  thead.appendChild(head);
  const tbody = document.createElement('tbody');
  tbody.appendChild(row(`All agents (${lanes.length})`, totals.overall, true, limits));
  const labels = laneLabels(lanes);
  for (const [i, l] of lanes.entries()) {
    const t = totals.perAgent[l.agentId];
    if (t) { const r = row(labels[i], t, false, limits); if (l.agentId === focusAgentId) r.classList.add('focus'); tbody.appendChild(r); }
  }
  table.append(thead, tbody);
  wrap.appendChild(table);

  const focus = focusAgentId ? totals.perAgent[focusAgentId] : undefined;
  const focusLane = focusAgentId ? lanes.findIndex(l => l.agentId === focusAgentId) : -1;
  const focusName = focusLane >= 0 ? labels[focusLane] : undefined;
  wrap.appendChild(reasonTable(focus && focusName ? `Away by reason — ${focusName}` : 'Away by reason — all agents', focus ?? totals.overall, limits));
  root.appendChild(wrap);
}

function reasonTable(title: string, t: StateTotals, limits: boolean): HTMLElement {
  const box = document.createElement('div');
  box.className = 'reasons';
  const h = document.createElement('h3');
  h.textContent = title;
  box.appendChild(h);
  const reasons = Object.values(t.byReason).filter(r => r.state === 'away').sort((a, b) => b.ms - a.ms);
  if (!reasons.length) { const p = document.createElement('p'); p.className = 'hint'; p.textContent = 'No away time.'; box.appendChild(p); return box; }
  const table = document.createElement('table');
  table.className = 'totals';
  if (limits) {
    const head = document.createElement('tr');
    head.append(cell('th', 'Reason'), cell('th', 'Share'), cell('th', 'Away', 'num'), cell('th', 'Over limit', 'num'));
    const thead = document.createElement('thead');
    thead.appendChild(head);
    table.appendChild(thead);
  }
  const max = reasons[0].ms || 1;
  for (const r of reasons) {
    const tr = document.createElement('tr');
    tr.appendChild(cell('th', r.text || '(no reason)'));
    const barCell = document.createElement('td');
    const bar = document.createElement('div');
    bar.className = 'stack';
    const seg = document.createElement('span');
    seg.className = 'swatch away';
    seg.style.width = `${(100 * r.ms) / max}%`;
    bar.appendChild(seg);
    barCell.appendChild(bar);
    tr.append(barCell, cell('td', formatDuration(r.ms), 'num'));
    if (limits) tr.appendChild(cell('td', formatDuration(r.overMs), r.overMs > 0 ? 'num over' : 'num'));
    table.appendChild(tr);
  }
  box.appendChild(table);
  return box;
}
