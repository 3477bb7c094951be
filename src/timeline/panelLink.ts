// The deep link to what a timeline panel shows ("Copy Link to This View"): its account, its agents
// (or all), the range as absolute times — the window of the data on screen, or a preset resolved
// now — and its time zone. Pure apart from the types; the clipboard is the caller's.
import { buildDeepLink, MAX_LINK_AGENTS, type TimelineLink } from '../shared/deepLink';
import type { PanelUiState } from '../shared/protocol';
import { resolveRange } from '../shared/rangeRules';

export type PanelLink = { ok: true; text: string; link: TimelineLink } | { ok: false; problem: string };

/**
 * `shown`: the window of the data on screen, if any (a preset panel's link names the hours it shows,
 * not "the last 24 h" of whoever opens the ticket later); `now`: the server's clock.
 */
export function panelLink(state: PanelUiState, shown: { from: number; to: number } | undefined, now: number, scheme: string): PanelLink {
  if (!state.accountId) return { ok: false, problem: 'This panel belongs to no account yet: sign in first.' };
  const scope = state.scope;
  if (scope.kind === 'agents' && scope.agentIds.length > MAX_LINK_AGENTS) return { ok: false, problem: `A link holds at most ${MAX_LINK_AGENTS} agents; this panel shows ${scope.agentIds.length}. Copy a link of fewer agents (or of all agents).` };
  const { from, to } = shown ?? resolveRange(state.range, now);
  const link: TimelineLink = { kind: 'timeline', account: state.accountId, agents: scope.kind === 'all' ? 'all' : [...scope.agentIds], from, to: Math.min(to, now), tz: state.timeZone };
  return { ok: true, text: buildDeepLink(link, scheme), link };
}
