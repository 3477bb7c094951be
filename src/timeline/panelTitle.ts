// "Activity Timeline — 3 agents, last 24 h · account 12345678": the panel title says who, when, and
// in which account.
import type { AgentScope, RangeSpec, TimeZoneMode } from '../shared/protocol';
import { describeRange } from '../shared/rangeRules';
import { formatStamp } from '../shared/timeFormat';

export const PANEL_TITLE = 'Activity Timeline';

export function scopeLabel(scope: AgentScope): string {
  return scope.kind === 'all' ? 'all agents' : scope.label;
}

export function panelTitle(scope: AgentScope, range: RangeSpec, tz: TimeZoneMode, accountId?: string): string {
  const when = describeRange(range, t => formatStamp(t, tz));
  return `${PANEL_TITLE} — ${scopeLabel(scope)}, ${when}${accountId ? ` · account ${accountId}` : ''}`;
}
