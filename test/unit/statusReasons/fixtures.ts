// Builders for status reason fixtures.
import type { ReasonState, StatusReason } from '../../../src/api/types';

export function reason(id: string, text: string, over: Partial<StatusReason> = {}): StatusReason {
  return { id, text, state: 'Away' as ReasonState, enabled: true, deleted: false, ...over };
}
