// What a lane is called where people read it (lane names, totals, tooltip, details, the Markdown
// totals): the agent's display name, and — only when two or more lanes share that name — the local
// part of the login name ("Chloé · chloe.moreau"), or the id when that does not tell them apart
// either. Plain strings: every caller puts them in as text (textContent, escaped Markdown).
import type { LaneInfo } from './columnar';

const cache = new WeakMap<readonly LaneInfo[], string[]>();

/** One label per lane, in lane order (computed once per dataset). */
export function laneLabels(lanes: readonly LaneInfo[]): string[] {
  let labels = cache.get(lanes);
  if (!labels) {
    labels = computeLabels(lanes);
    cache.set(lanes, labels);
  }
  return labels;
}

const sameName = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase();
const loginLocalPart = (login: string | undefined) => (login ?? '').split('@')[0].trim();

function computeLabels(lanes: readonly LaneInfo[]): string[] {
  const counts = countBy(lanes.map(l => sameName(l.name)));
  const labels = lanes.map(l => {
    if ((counts.get(sameName(l.name)) ?? 0) < 2) return l.name;
    const local = loginLocalPart(l.loginName);
    return local && sameName(local) !== sameName(l.name) ? `${l.name} · ${local}` : `${l.name} · id ${l.agentId}`;
  });
  // still alike (same name and same login local part): the id settles it
  const again = countBy(labels.map(sameName));
  return labels.map((label, i) => (again.get(sameName(label)) ?? 0) > 1 && !label.endsWith(`id ${lanes[i].agentId}`) ? `${label} (id ${lanes[i].agentId})` : label);
}

function countBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
