// The time limits the timeline marks: liveperson.agents.timeLimits (and …disconnectedLimitMinutes,
// which has no effect on Agent Activity intervals — they carry no connection state) compiled into a
// policy. A bad entry is skipped and logged, never thrown (timeLimits.ts parseTimeLimits).
import { compileLimits, parseTimeLimits, type LimitPolicy } from '../domain/timeLimits';
import type { Settings } from '../platform/featureContext';

export const LIMIT_SETTING_KEYS = ['agents.timeLimits', 'agents.disconnectedLimitMinutes'] as const;

export function readLimitPolicy(settings: Settings, warn?: (line: string) => void): LimitPolicy {
  const parsed = parseTimeLimits(settings.get('agents.timeLimits'));
  for (const p of parsed.problems) warn?.(`Activity Timeline: ${p} (ignored)`);
  return compileLimits(parsed.items, settings.get('agents.disconnectedLimitMinutes'));
}
