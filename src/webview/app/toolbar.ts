// The toolbar, built from @vscode-elements/elements controls: range presets, custom from/to
// (checked against the Agent Activity rules before anything is sent), agent picker, group by
// agent group, lane density, time zone, refresh, export CSV/JSON, copy totals as Markdown, copy a
// link to this view (the host builds it: liveperson.timeline.copyLink).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { accountText } from '../../shared/accountKey';
import { RANGE_PRESETS, type LaneDensity, type PanelUiState, type RangePreset, type RangeSpec, type TimeZoneMode } from '../../shared/protocol';
import { customRangeProblem, resolveRange } from '../../shared/rangeRules';
import { parseInputValue, STAMP_PATTERN, toInputValue, zoneLabel } from '../../shared/timeFormat';

export interface ToolbarActions {
  /** the server's "now" (ms): presets resolve and custom ranges are checked against it */
  now(): number;
  /** how far back a custom range may start, in months (6 or 13) */
  lookBackMonths(): number;
  load(range: RangeSpec): void;
  pickAgents(): void;
  setGroupBy(on: boolean): void;
  setDensity(d: LaneDensity): void;
  setTimeZone(tz: TimeZoneMode): void;
  exportAs(format: 'csv' | 'json'): void;
  copyTotals(): void;
  copyLink(): void;
}

const PRESET_TEXT: Record<RangePreset, string> = { '24h': '24 h', '7d': '7 days', '30d': '30 days' };

export class Toolbar {
  private readonly presets = new Map<RangePreset, VscodeButton>();
  private readonly customBtn: VscodeButton;
  private readonly customRow: HTMLElement;
  private readonly from: VscodeTextfield;
  private readonly to: VscodeTextfield;
  private readonly rangeError: HTMLElement;
  private readonly agents: VscodeButton;
  private readonly account: HTMLElement;
  private readonly groupBy: VscodeCheckbox;
  private readonly density: VscodeSingleSelect;
  private readonly tz: VscodeSingleSelect;
  private readonly dataButtons: VscodeButton[] = [];
  private state: PanelUiState | undefined;

  constructor(root: HTMLElement, private readonly actions: ToolbarActions) {
    root.classList.add('toolbar');
    root.setAttribute('role', 'toolbar');
    root.setAttribute('aria-label', 'Timeline controls');
    const range = group(root, 'Range');
    for (const p of RANGE_PRESETS) {
      const b = button(PRESET_TEXT[p], `Show the last ${PRESET_TEXT[p]}`, () => actions.load({ kind: 'preset', preset: p }));
      b.dataset.preset = p;
      this.presets.set(p, b);
      range.appendChild(b);
    }
    this.customBtn = button('Custom…', 'Pick a start and an end (at most one month, within the last six months)', () => this.toggleCustom());
    range.appendChild(this.customBtn);

    this.agents = button('All agents', 'Choose which agents are shown', () => actions.pickAgents());
    this.agents.classList.add('agents-button');
    this.account = document.createElement('span');
    this.account.className = 'account';
    group(root, 'Agents').append(this.agents, this.account);

    const view = group(root, 'View');
    this.groupBy = document.createElement('vscode-checkbox');
    this.groupBy.label = 'Group by agent group';
    this.groupBy.addEventListener('change', () => actions.setGroupBy(this.groupBy.checked));
    this.density = select([['comfortable', 'Comfortable'], ['compact', 'Compact'], ['fit', 'Fit all lanes']], 'Lane height');
    this.density.addEventListener('change', () => actions.setDensity(this.density.value as LaneDensity));
    this.tz = select([['local', `Local (${zoneLabel('local')})`], ['utc', 'UTC']], 'Time zone');
    this.tz.addEventListener('change', () => actions.setTimeZone(this.tz.value as TimeZoneMode));
    view.append(this.groupBy, this.density, this.tz);

    const data = group(root, 'Data');
    data.classList.add('end');
    const refresh = button('Refresh', 'Fetch the range again', () => this.state && actions.load(this.state.range));
    const csv = button('Export CSV', 'Save the intervals as CSV', () => actions.exportAs('csv'));
    const json = button('Export JSON', 'Save intervals, markers and totals as JSON', () => actions.exportAs('json'));
    const copy = button('Copy totals', 'Copy the totals as a Markdown table', () => actions.copyTotals());
    // a link needs no data: it names the account, agents, range and zone
    const link = button('Copy link', 'Copy a link to this view (account, agents, range, time zone) to paste into a ticket', () => actions.copyLink());
    this.dataButtons.push(csv, json, copy);
    data.append(refresh, csv, json, copy, link);

    // the custom range row (hidden until "Custom…")
    this.customRow = document.createElement('div');
    this.customRow.className = 'custom-range';
    this.customRow.hidden = true;
    this.from = textfield('From');
    this.to = textfield('To');
    const apply = button('Show', 'Fetch this range', () => this.applyCustom());
    apply.secondary = false;
    this.rangeError = document.createElement('span');
    this.rangeError.className = 'range-error';
    this.rangeError.setAttribute('role', 'alert');
    for (const f of [this.from, this.to]) {
      f.addEventListener('input', () => this.checkCustom());
      f.addEventListener('keydown', e => { if ((e as KeyboardEvent).key === 'Enter') this.applyCustom(); });
    }
    this.customRow.append(labelled('From', this.from), labelled('To', this.to), apply, this.rangeError);
    root.after(this.customRow);
  }

  update(state: PanelUiState, hasData: boolean): void {
    this.state = state;
    for (const [p, b] of this.presets) {
      const on = state.range.kind === 'preset' && state.range.preset === p;
      b.secondary = !on;
      b.setAttribute('aria-pressed', String(on));
    }
    this.customBtn.secondary = state.range.kind !== 'custom';
    this.agents.textContent = state.scope.kind === 'all' ? 'All agents ▾' : `${state.scope.label} ▾`;
    this.account.textContent = state.accountId ? `Account ${accountText(state.accountId)}` : '';
    this.account.title = state.accountId ? `This timeline shows agents of LivePerson account ${accountText(state.accountId)}` : '';
    this.groupBy.checked = state.groupByGroup;
    this.density.value = state.density;
    this.tz.value = state.timeZone;
    for (const b of this.dataButtons) b.disabled = !hasData;
    if (this.customRow.hidden) {
      const { from, to } = resolveRange(state.range, this.actions.now());
      this.from.value = toInputValue(from, state.timeZone);
      this.to.value = toInputValue(to, state.timeZone);
    }
  }

  private toggleCustom(): void {
    this.customRow.hidden = !this.customRow.hidden;
    if (!this.customRow.hidden) { this.checkCustom(); this.from.focus(); }
  }
  private customProblem(): { problem?: string; from: number; to: number } {
    const tz = this.state?.timeZone ?? 'local';
    const from = parseInputValue(this.from.value, tz);
    const to = parseInputValue(this.to.value, tz);
    if (Number.isNaN(from)) return { problem: `The start is not a date and time (${STAMP_PATTERN}, or YYYY-MM-DD for midnight).`, from, to };
    if (Number.isNaN(to)) return { problem: `The end is not a date and time (${STAMP_PATTERN}, or YYYY-MM-DD for midnight).`, from, to };
    return { problem: customRangeProblem(from, to, this.actions.now(), tz, this.actions.lookBackMonths()), from, to };
  }
  private checkCustom(): boolean {
    const { problem } = this.customProblem();
    this.rangeError.textContent = problem ?? '';
    return !problem;
  }
  private applyCustom(): void {
    const { problem, from, to } = this.customProblem();
    this.rangeError.textContent = problem ?? '';
    if (problem) return;
    this.customRow.hidden = true;
    this.actions.load({ kind: 'custom', from, to });
  }
}

function group(root: HTMLElement, label: string): HTMLElement {
  const g = document.createElement('div');
  g.className = 'tb-group';
  g.setAttribute('role', 'group');
  g.setAttribute('aria-label', label);
  root.appendChild(g);
  return g;
}
function button(text: string, title: string, onClick: () => void): VscodeButton {
  const b = document.createElement('vscode-button');
  b.textContent = text;
  b.title = title;
  b.secondary = true;
  b.addEventListener('click', onClick);
  return b;
}
function select(options: [string, string][], label: string): VscodeSingleSelect {
  const s = document.createElement('vscode-single-select');
  s.title = label;
  s.setAttribute('aria-label', label);
  for (const [value, text] of options) {
    const o = document.createElement('vscode-option');
    o.value = value;
    o.textContent = text;
    s.appendChild(o);
  }
  return s;
}
function textfield(label: string): VscodeTextfield {
  const f = document.createElement('vscode-textfield');
  f.type = 'text';
  f.placeholder = STAMP_PATTERN;
  f.setAttribute('aria-label', `${label} (${STAMP_PATTERN})`);
  return f;
}
function labelled(text: string, control: HTMLElement): HTMLElement {
  const l = document.createElement('label');
  l.className = 'field';
  const s = document.createElement('span');
  s.textContent = text;
  l.append(s, control);
  return l;
}
