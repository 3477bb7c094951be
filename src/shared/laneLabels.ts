// What a lane is called where people read it (lane names, totals, tooltip, details, the Markdown
// totals): the agent's display name, and — when another agent of the account has that name too —
// the local part of the login name, as the Live Agents tree labels them: "Chloé (chloe.moreau)",
// or the id when the login does not tell them apart. The host decides namesakes over the whole
// account (LaneInfo.label), so a one-agent timeline reads like the tree row it was opened from;
// lanes without a label are compared among themselves. Plain strings: every caller puts them in as
// text (textContent, escaped Markdown).
import type { LaneInfo } from './columnar';

const cache = new WeakMap<readonly LaneInfo[], string[]>();

const nameKey = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase();
const loginLocalPart = (login: string | undefined) => (login ?? '').split('@')[0].trim();

/** Display names (normalised) that more than one agent has. */
export function collidingNames(names: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const n of names) {
    const k = nameKey(n);
    if (seen.has(k)) twice.add(k); else seen.add(k);
  }
  return twice;
}

/** The label of one lane given the namesakes: "Chloé (chloe.moreau)", or the plain name. */
export function laneLabel(lane: LaneInfo, colliding: ReadonlySet<string>): string {
  if (!colliding.has(nameKey(lane.name))) return lane.name;
  const local = loginLocalPart(lane.loginName);
  return `${lane.name} (${local && nameKey(local) !== nameKey(lane.name) ? local : `id ${lane.agentId}`})`;
}

/**
 * Host side: labels the lanes whose display name another agent of the account shares.
 * `accountNames` is one display name per user id (the users lookup); lanes add the agents it lacks.
 * Keyed by id, so an agent that is both a user and a lane counts once.
 */
export function labelNamesakes(lanes: LaneInfo[], accountNames: ReadonlyMap<string, string>): void {
  const byId = new Map(accountNames);
  for (const l of lanes) if (!byId.has(l.agentId)) byId.set(l.agentId, l.name);
  const colliding = collidingNames(byId.values());
  for (const l of lanes) if (colliding.has(nameKey(l.name))) l.label = laneLabel(l, colliding);
}

/** One label per lane, in lane order (computed once per dataset). */
export function laneLabels(lanes: readonly LaneInfo[]): string[] {
  let labels = cache.get(lanes);
  if (!labels) {
    const colliding = collidingNames(lanes.map(l => l.name));
    labels = lanes.map(l => l.label ?? laneLabel(l, colliding));
    cache.set(lanes, labels);
  }
  return labels;
}
