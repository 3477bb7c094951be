// Export formats of the Activity Timeline: intervals as CSV, everything as JSON, totals as a
// Markdown table. Pure functions over the columnar dataset; server text (agent names, reason texts)
// is escaped for each format (CSV quoting + formula guard, Markdown/HTML escaping).
import { AGENT_STATES, AGENT_STATE_LABEL } from '../domain/agentState';
import { escapeMarkdown } from '../domain/markdownText';
import type { StateTotals } from '../domain/timelineTypes';
import { FLAG_OPEN, MARKER_LOGIN, stateOfCode, type ColumnarDataset } from './columnar';
import type { TimeZoneMode, TotalsPayload } from './protocol';
import { formatHours, formatIso } from './timeFormat';
import { laneLabels } from './laneLabels';

/** One CSV field: quoted when needed; a leading = + - @ is defused so spreadsheets don't run it. */
export function csvField(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function intervalsCsv(ds: ColumnarDataset, tz: TimeZoneMode): string {
  const rows = ['agentId,agentName,loginName,group,state,reason,start,end,durationSeconds,sessionId,open'];
  ds.lanes.forEach((lane, j) => {
    for (let i = ds.laneOffsets[j]; i < ds.laneOffsets[j + 1]; i++) {
      rows.push([
        lane.agentId, lane.name, lane.loginName ?? '', lane.groupName ?? lane.groupId ?? '',
        stateOfCode(ds.state[i]), ds.reasons[ds.reason[i]], formatIso(ds.start[i], tz), formatIso(ds.end[i], tz),
        String(Math.round((ds.end[i] - ds.start[i]) / 1000)), ds.sessions[ds.session[i]], ds.flags[i] & FLAG_OPEN ? 'true' : 'false',
      ].map(csvField).join(','));
    }
  });
  return rows.join('\r\n') + '\r\n';
}

export interface ExportMeta { accountId?: string; from: number; to: number; timeZone: TimeZoneMode; generatedAt: number }

export function timelineJson(ds: ColumnarDataset, totals: TotalsPayload, meta: ExportMeta): string {
  const tz = meta.timeZone;
  const agents = ds.lanes.map((lane, j) => {
    const intervals = [];
    for (let i = ds.laneOffsets[j]; i < ds.laneOffsets[j + 1]; i++) {
      intervals.push({
        start: formatIso(ds.start[i], tz), end: formatIso(ds.end[i], tz), state: stateOfCode(ds.state[i]),
        ...(ds.reason[i] ? { reason: ds.reasons[ds.reason[i]] } : {}),
        ...(ds.session[i] ? { sessionId: ds.sessions[ds.session[i]] } : {}),
        ...(ds.flags[i] & FLAG_OPEN ? { open: true } : {}),
      });
    }
    const markers = [];
    for (let i = ds.markerOffsets[j]; i < ds.markerOffsets[j + 1]; i++) {
      markers.push({ time: formatIso(ds.markerTime[i], tz), kind: ds.markerKind[i] === MARKER_LOGIN ? 'login' : 'logout' });
    }
    return { ...lane, intervals, markers, totals: totals.perAgent[lane.agentId] };
  });
  return JSON.stringify({
    ...(meta.accountId ? { accountId: meta.accountId } : {}),
    from: formatIso(meta.from, tz), to: formatIso(meta.to, tz), timeZone: tz, generatedAt: formatIso(meta.generatedAt, tz),
    agents, overall: totals.overall,
  }, null, 2) + '\n';
}

/** Escapes text for a Markdown table cell: the project's one Markdown-safety rule (syntax, HTML, pipes, line breaks). */
export function markdownCell(text: string): string {
  return escapeMarkdown(text);
}

function totalsRow(label: string, t: StateTotals | undefined): string {
  const cells = AGENT_STATES.map(s => formatHours(t?.byState[s] ?? 0));
  return `| ${markdownCell(label)} | ${cells.join(' | ')} | ${formatHours(t?.loggedIn ?? 0)} |`;
}

export function totalsMarkdown(ds: ColumnarDataset, totals: TotalsPayload, meta: ExportMeta): string {
  const lines = [
    `**Agent activity** ${markdownCell(formatIso(meta.from, meta.timeZone))} – ${markdownCell(formatIso(meta.to, meta.timeZone))}`,
    '',
    `| Agent | ${AGENT_STATES.map(s => AGENT_STATE_LABEL[s]).join(' | ')} | Logged in |`,
    `|---|${AGENT_STATES.map(() => '---:').join('|')}|---:|`,
    ...ds.lanes.map((l, i) => totalsRow(laneLabels(ds.lanes)[i], totals.perAgent[l.agentId])),
    totalsRow('All agents', totals.overall).replace(/^\| All agents \|/, '| **All agents** |'),
  ];
  const reasons = Object.values(totals.overall.byReason).filter(r => r.state === 'away').sort((a, b) => b.ms - a.ms);
  if (reasons.length) {
    lines.push('', '| Away reason | Time |', '|---|---:|');
    for (const r of reasons) lines.push(`| ${markdownCell(r.text || '(no reason)')} | ${formatHours(r.ms)} |`);
  }
  return lines.join('\n') + '\n';
}
