// "Activity Timeline — 3 agents, last 24 h": the panel title says who and when.
import type { AgentScope, RangeSpec, TimeZoneMode } from '../shared/protocol';
import { describeRange } from '../shared/rangeRules';
import { formatDateTime } from '../shared/timeFormat';

export const PANEL_TITLE = 'Activity Timeline';

export function scopeLabel(scope: AgentScope): string {
  return scope.kind === 'all' ? 'all agents' : scope.label;
}

export function panelTitle(scope: AgentScope, range: RangeSpec, tz: TimeZoneMode): string {
  const when = describeRange(range, t => formatDateTime(t, tz, false));
  return `${PANEL_TITLE} — ${scopeLabel(scope)}, ${when}`;
}
