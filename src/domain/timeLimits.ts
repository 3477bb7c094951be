// Time limits per state and reason, and staffing floors (settings `liveperson.agents.timeLimits`,
// `…disconnectedLimitMinutes`, `…minimumOnline`): validated from whatever settings.json holds, then
// compiled into lookups cheap enough to run for 10,000 agents on every refresh and tick. A reason
// rule beats a state rule. Used by Live Agents (who is over now) and the timeline (which intervals
// ran over). No `vscode` here.
import type { AgentState } from './agentState';

/** The state names as the setting spells them (the reasons' own `state` vocabulary, `Occupied` = Back soon). */
export type LimitStateName = 'Online' | 'Back soon' | 'Away';
export const LIMIT_STATE_NAMES: readonly LimitStateName[] = ['Away', 'Back soon', 'Online'];
const STATE_OF_NAME: Record<string, AgentState> = { online: 'online', 'back soon': 'backSoon', backsoon: 'backSoon', occupied: 'backSoon', away: 'away' };
export const LIMIT_NAME_OF_STATE: Partial<Record<AgentState, LimitStateName>> = { online: 'Online', backSoon: 'Back soon', away: 'Away' };

export interface TimeLimitRule {
  state: LimitStateName;
  /** a status reason's text (case- and accent-insensitive); without it the rule is the state's */
  reason?: string;
  minutes: number;
}

export interface StaffingFloor {
  /** an agent group's name */
  group?: string;
  /** a skill's name */
  skill?: string;
  /** at least this many agents Online (and connected) */
  online: number;
}

export const MAX_LIMIT_MINUTES = 1440;
export const DEFAULT_TIME_LIMITS: readonly TimeLimitRule[] = [
  { state: 'Away', minutes: 15 },
  { state: 'Back soon', minutes: 10 },
];
export const DEFAULT_DISCONNECTED_LIMIT_MINUTES = 2;

/** How reason texts, group and skill names are compared: trimmed, case- and accent-insensitive. */
export function textKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLocaleLowerCase();
}

export function stateOfLimitName(name: string): AgentState | undefined {
  return STATE_OF_NAME[name.trim().toLowerCase()];
}

/** `''` when valid, else why: whole minutes 1–1440. */
export function minutesProblem(text: string): string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return 'Type whole minutes, 1 to 1440 (or leave it empty to remove the limit).';
  const n = Number(t);
  if (n < 1 || n > MAX_LIMIT_MINUTES) return `${n} is out of range: 1 to ${MAX_LIMIT_MINUTES} minutes (24 h).`;
  return '';
}

export interface Parsed<T> {
  items: T[];
  /** one line per entry that was ignored, naming it and why */
  problems: string[];
}

/** The rules settings.json holds, each checked; a bad entry is skipped (and reported), never thrown. */
export function parseTimeLimits(raw: unknown): Parsed<TimeLimitRule> {
  const out: Parsed<TimeLimitRule> = { items: [], problems: [] };
  if (raw === undefined || raw === null) return out;
  if (!Array.isArray(raw)) return { items: [], problems: ['liveperson.agents.timeLimits must be a list of { state, reason?, minutes }.'] };
  raw.forEach((r, i) => {
    const at = `liveperson.agents.timeLimits[${i}]`;
    if (typeof r !== 'object' || r === null) return void out.problems.push(`${at} is not an object.`);
    const e = r as Record<string, unknown>;
    const state = typeof e.state === 'string' ? stateOfLimitName(e.state) : undefined;
    if (!state || state === 'offline') return void out.problems.push(`${at}: state must be "Away", "Back soon" or "Online".`);
    if (e.reason !== undefined && (typeof e.reason !== 'string' || !e.reason.trim())) return void out.problems.push(`${at}: reason must be a status reason's text.`);
    const minutes = typeof e.minutes === 'number' ? e.minutes : NaN;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LIMIT_MINUTES) return void out.problems.push(`${at}: minutes must be a whole number from 1 to ${MAX_LIMIT_MINUTES}.`);
    out.items.push({ state: LIMIT_NAME_OF_STATE[state]!, ...(e.reason !== undefined ? { reason: (e.reason as string).trim() } : {}), minutes });
  });
  return out;
}

export function parseStaffingFloors(raw: unknown): Parsed<StaffingFloor> {
  const out: Parsed<StaffingFloor> = { items: [], problems: [] };
  if (raw === undefined || raw === null) return out;
  if (!Array.isArray(raw)) return { items: [], problems: ['liveperson.agents.minimumOnline must be a list of { group?, skill?, online }.'] };
  raw.forEach((r, i) => {
    const at = `liveperson.agents.minimumOnline[${i}]`;
    if (typeof r !== 'object' || r === null) return void out.problems.push(`${at} is not an object.`);
    const e = r as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    if ((e.group !== undefined && !text(e.group)) || (e.skill !== undefined && !text(e.skill))) return void out.problems.push(`${at}: group and skill must be names.`);
    const online = typeof e.online === 'number' ? e.online : NaN;
    if (!Number.isInteger(online) || online < 1 || online > 100_000) return void out.problems.push(`${at}: online must be a whole number of agents, at least 1.`);
    out.items.push({ ...(text(e.group) ? { group: text(e.group) } : {}), ...(text(e.skill) ? { skill: text(e.skill) } : {}), online });
  });
  return out;
}

/** The rule that applies and its length. */
export interface AppliedLimit {
  rule: TimeLimitRule;
  ms: number;
  /** the rule names a reason (time counts from the reason's start) */
  byReason: boolean;
}

export interface LimitPolicy {
  readonly rules: readonly TimeLimitRule[];
  /** logged in but DISCONNECTED longer than this is over the limit too (undefined: no limit) */
  readonly disconnectedMs?: number;
  /** true when no rule and no disconnected limit: nothing can be over */
  readonly empty: boolean;
  limitFor(state: AgentState, reasonText: string | undefined): AppliedLimit | undefined;
}

export function compileLimits(rules: readonly TimeLimitRule[], disconnectedMinutes?: number): LimitPolicy {
  const byState = new Map<AgentState, AppliedLimit>();
  const byReason = new Map<string, AppliedLimit>();
  for (const rule of rules) {
    const state = stateOfLimitName(rule.state);
    if (!state) continue;
    const applied = { rule, ms: rule.minutes * 60_000, byReason: rule.reason !== undefined };
    // the last rule for the same state (and reason) wins, as settings merge
    if (rule.reason !== undefined) byReason.set(`${state}\u0000${textKey(rule.reason)}`, applied);
    else byState.set(state, applied);
  }
  const disconnectedMs = disconnectedMinutes !== undefined && Number.isFinite(disconnectedMinutes) && disconnectedMinutes > 0 ? Math.round(disconnectedMinutes * 60_000) : undefined;
  // state → reason text as shown → its rule (null: none); no string is built per call
  const cache = new Map<AgentState, Map<string, AppliedLimit | null>>();
  return {
    rules,
    disconnectedMs,
    empty: byState.size === 0 && byReason.size === 0 && disconnectedMs === undefined,
    limitFor(state, reasonText) {
      if (reasonText !== undefined && byReason.size) {
        let texts = cache.get(state);
        if (!texts) cache.set(state, (texts = new Map()));
        let hit = texts.get(reasonText);
        if (hit === undefined) {
          hit = byReason.get(`${state}\u0000${textKey(reasonText)}`) ?? null;
          texts.set(reasonText, hit);
        }
        if (hit) return hit;
      }
      return byState.get(state);
    },
  };
}

/** `Away · Lunch: 30 min` / `Away: 15 min` — how a rule is named in tooltips. */
export function describeRule(rule: TimeLimitRule): string {
  return `${rule.state}${rule.reason !== undefined ? ` · ${rule.reason}` : ''}: ${rule.minutes} min`;
}

/** The rules with the one for (state, reason) set to `minutes`, or removed when `minutes` is undefined; order kept. */
export function withRule(rules: readonly TimeLimitRule[], state: LimitStateName, reason: string | undefined, minutes: number | undefined): TimeLimitRule[] {
  const same = (r: TimeLimitRule) => r.state === state && (r.reason === undefined ? reason === undefined : reason !== undefined && textKey(r.reason) === textKey(reason));
  const out: TimeLimitRule[] = [];
  let placed = false;
  for (const r of rules) {
    if (!same(r)) out.push(r);
    else if (!placed && minutes !== undefined) {
      out.push({ state, ...(reason !== undefined ? { reason } : {}), minutes });
      placed = true;
    }
  }
  if (!placed && minutes !== undefined) out.push({ state, ...(reason !== undefined ? { reason } : {}), minutes });
  return out;
}
