// The questions the timeline asks through the Prompter: which agents (all, or a multi-pick of the
// account's users) and which range (a preset, or a custom from/to checked against the Agent
// Activity rules while typing — before anything is sent).
import type { LivePersonClient } from '../api/types';
import { BACK, type Back, type Prompter } from '../platform/prompter';
import type { AgentScope, RangePreset, RangeSpec, TimeZoneMode } from '../shared/protocol';
import { customRangeProblem, PRESET_LABEL, rangeRuleProblem } from '../shared/rangeRules';
import { formatStamp, parseInputValue, STAMP_PATTERN, toInputValue, zoneLabel } from '../shared/timeFormat';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A scope from a list of agent ids and what they are (one agent's name, a group's name…). */
export function scopeOf(agentIds: readonly string[], label: string, kind: 'agent' | 'group' | 'selection'): AgentScope {
  const ids = [...new Set(agentIds)];
  const text = ids.length === 1 && kind !== 'group' ? label : kind === 'group' ? `${label} (${ids.length} agent${ids.length === 1 ? '' : 's'})` : `${ids.length} agents`;
  return { kind: 'agents', agentIds: ids, label: text };
}

export async function pickScope(prompter: Prompter, client: LivePersonClient, opts: { step?: number; totalSteps?: number; canGoBack?: boolean } = {}): Promise<AgentScope | Back | undefined> {
  for (;;) {
    const how = await prompter.pick<'all' | 'choose'>([
      { label: 'All agents', description: 'everyone with activity in the range', value: 'all', iconId: 'organization' },
      { label: 'Choose agents…', description: 'pick one or more agents', value: 'choose', iconId: 'person' },
    ], { title: 'Activity Timeline: agents', placeHolder: 'Whose activity?', step: opts.step, totalSteps: opts.totalSteps, canGoBack: opts.canGoBack });
    if (how === undefined || how === BACK) return how;
    if (how === 'all') return { kind: 'all' };
    const { users } = await client.lookups.load();
    const items = [...users.values()]
      .filter(u => !u.deleted)
      .sort((a, b) => collator.compare(a.displayName, b.displayName))
      .map(u => ({ label: u.displayName, description: u.loginName !== u.displayName ? u.loginName : undefined, detail: undefined, value: u.id }));
    const picked = await prompter.pickMany(items, { title: 'Activity Timeline: choose agents', placeHolder: 'Type to filter; Space to pick', matchOnDescription: true, canGoBack: true, step: opts.step, totalSteps: opts.totalSteps });
    if (picked === undefined) return undefined;
    if (picked === BACK || picked.length === 0) continue;
    const name = users.get(picked[0])?.displayName ?? picked[0];
    return scopeOf(picked, name, 'selection');
  }
}

export async function pickRange(prompter: Prompter, tz: TimeZoneMode, now: () => number, opts: { step?: number; totalSteps?: number; canGoBack?: boolean; lookBackMonths?: number } = {}): Promise<RangeSpec | Back | undefined> {
  for (;;) {
    const presets: RangePreset[] = ['24h', '7d', '30d'];
    const choice = await prompter.pick<RangePreset | 'custom'>([
      ...presets.map(p => ({ label: PRESET_LABEL[p].replace(/^last/, 'Last'), value: p })),
      { label: 'Custom range…', description: 'at most one month, within the last six months', value: 'custom' as const },
    ], { title: 'Activity Timeline: range', placeHolder: 'Which time range?', step: opts.step, totalSteps: opts.totalSteps, canGoBack: opts.canGoBack });
    if (choice === undefined || choice === BACK) return choice;
    if (choice !== 'custom') return { kind: 'preset', preset: choice };
    const zone = zoneLabel(tz);
    const fromText = await prompter.input({
      title: 'Activity Timeline: custom range — start', prompt: `Start, ${STAMP_PATTERN} or YYYY-MM-DD for midnight (${zone})`, value: toInputValue(now() - 86_400_000, tz),
      canGoBack: true, ignoreFocusOut: true,
      validate: v => { const t = parseInputValue(v, tz); return Number.isNaN(t) ? `Use ${STAMP_PATTERN} (or just YYYY-MM-DD), e.g. 2026-11-20 08:00.` : rangeRuleProblem(t, Math.min(t + 60_000, now()), now(), opts.lookBackMonths); },
    });
    if (fromText === undefined) return undefined;
    if (fromText === BACK) continue;
    const from = parseInputValue(fromText, tz);
    const toText = await prompter.input({
      title: `Activity Timeline: custom range — end (start ${formatStamp(from, tz)})`, prompt: `End, ${STAMP_PATTERN} or YYYY-MM-DD for midnight (${zone})`, value: toInputValue(Math.min(now(), from + 86_400_000), tz),
      canGoBack: true, ignoreFocusOut: true,
      validate: v => { const t = parseInputValue(v, tz); return Number.isNaN(t) ? `Use ${STAMP_PATTERN} (or just YYYY-MM-DD), e.g. 2026-11-21 08:00.` : customRangeProblem(from, t, now(), tz, opts.lookBackMonths); },
    });
    if (toText === undefined) return undefined;
    if (toText === BACK) continue;
    return { kind: 'custom', from, to: parseInputValue(toText, tz) };
  }
}
