// What a clean-up of status reasons proposes: reasons unused in a range (enabled, not deleted, no
// use), look-alike duplicates (the same text to a reader; the most used one is kept), and reasons
// whose text contradicts their state ("Lunch" under Online, "Available" under Away). Pure; no
// `vscode` here. The word lists are small on purpose: a hint, never applied without the user.
import type { ReasonState } from './agentState';
import type { StatusReason } from './statusReason';
import { describeDifferences, lookalikeDifferences, lookalikeKey } from './lookalike';

export type CleanUpWhy = 'unused' | 'lookalike' | 'contradiction';

export interface CleanUpCandidate {
  reason: StatusReason;
  why: CleanUpWhy[];
  /** one short sentence per why, for the pick's detail */
  notes: string[];
}

/** Words that mean the agent is not taking chats (for Online reasons), and that they are (for Away / Occupied). */
const NOT_TAKING = ['lunch', 'break', 'meeting', 'training', 'coaching', 'coffee', 'personal', 'prayer', 'smoke', 'smoking', 'bathroom', 'restroom', 'toilet', 'doctor', 'appointment', 'sick', 'vacation', 'holiday', 'leave', 'offline', 'away', 'brb', 'meal', 'dinner', 'breakfast', 'pause'];
const TAKING = ['available', 'ready', 'online', 'chatting', 'accepting'];

const words = (text: string): string[] => lookalikeKey(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Why the text contradicts the state, or undefined. */
export function stateContradiction(text: string, state: ReasonState): string | undefined {
  const w = words(text);
  if (state === 'Online') {
    const hit = NOT_TAKING.find(x => w.includes(x));
    return hit ? `“${hit}” suggests the agent is not taking chats, but the reason is under Online` : undefined;
  }
  const hit = TAKING.find(x => w.includes(x));
  return hit ? `“${hit}” suggests the agent is taking chats, but the reason is under ${state}` : undefined;
}

/**
 * Candidates among the enabled, non-deleted reasons, in the reasons' order. `uses`: reason id →
 * uses in the range (absent = unused); `rangeText`: `in the last 7 days`.
 */
export function cleanUpCandidates(reasons: readonly StatusReason[], uses: ReadonlyMap<string, number>, rangeText: string): CleanUpCandidate[] {
  const live = reasons.filter(r => r.enabled && !r.deleted);
  const byKey = new Map<string, StatusReason[]>();
  for (const r of reasons.filter(x => !x.deleted)) byKey.set(lookalikeKey(r.text), [...(byKey.get(lookalikeKey(r.text)) ?? []), r]);
  const out: CleanUpCandidate[] = [];
  for (const r of live) {
    const c: CleanUpCandidate = { reason: r, why: [], notes: [] };
    const n = uses.get(r.id) ?? 0;
    if (n === 0) { c.why.push('unused'); c.notes.push(`unused ${rangeText}`); }
    const group = byKey.get(lookalikeKey(r.text)) ?? [];
    if (group.length > 1) {
      // keep the most used one (then the enabled one, then the first); the others are duplicates of it
      const keep = [...group].sort((a, b) => (uses.get(b.id) ?? 0) - (uses.get(a.id) ?? 0) || Number(b.enabled) - Number(a.enabled) || group.indexOf(a) - group.indexOf(b))[0];
      if (keep.id !== r.id) { c.why.push('lookalike'); c.notes.push(`looks like “${keep.text}” (id ${keep.id}, ${uses.get(keep.id) ?? 0} uses): differs only in ${describeDifferences(lookalikeDifferences(r.text, keep.text))}`); }
    }
    const contradiction = stateContradiction(r.text, r.state);
    if (contradiction) { c.why.push('contradiction'); c.notes.push(contradiction); }
    if (c.why.length) out.push(c);
  }
  return out;
}
