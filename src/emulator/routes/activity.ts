// Agent Activity status-changes (liveperson-api.md §5): v1 (grouped by agent) and v2 (flat), the
// parameter rules (400 with causes), `_metadata.references` paging links, data latency.
import { Ctx, Reply, badRequest, ok, selfLink } from '../http';
import type { EmulatorState } from '../state';
import { DAY_MS, SeedAgent } from '../data/seed';
import type { ActivityEvent } from '../data/schedule';
import { ActivityPager, AgentFilter } from '../data/activityPager';
import { parseRfc3339, rfc3339, rfc3339Ms } from '../data/format';
import { FOREIGN_LINK_HOST } from '../types';

const MONTH_MS = 31 * DAY_MS;
const pagers = new WeakMap<EmulatorState, ActivityPager>();
function pagerOf(state: EmulatorState): ActivityPager {
  let p = pagers.get(state);
  if (!p) pagers.set(state, (p = new ActivityPager(state.data)));
  return p;
}

interface Query { v: 1 | 2; from: number; to: number; filter: AgentFilter; limit: number; offset: number }

function parse(state: EmulatorState, ctx: Ctx): Query | Reply {
  const q = ctx.query;
  const causes: string[] = [];
  const now = state.now();
  const vRaw = q.get('v') ?? '1';
  const v = vRaw === '1' || vRaw === '1.0' ? 1 : vRaw === '2' || vRaw === '2.0' ? 2 : 0;
  if (!v) causes.push('v: must be 1 or 2');
  if (!q.get('source')?.trim()) causes.push('source: must not be empty');
  const fromRaw = q.get('from'), toRaw = q.get('to');
  let from = now - DAY_MS, to = now;
  if ((fromRaw === null) !== (toRaw === null)) causes.push(fromRaw === null ? 'from: must be provided when to is provided' : 'to: must be provided when from is provided');
  else if (fromRaw !== null && toRaw !== null) {
    const f = parseRfc3339(fromRaw), t = parseRfc3339(toRaw);
    if (f === undefined) causes.push('from: must be an RFC 3339 date-time');
    if (t === undefined) causes.push('to: must be an RFC 3339 date-time');
    if (f !== undefined && t !== undefined) {
      from = f;
      to = t;
      if (t <= f) causes.push('to: must be after from');
      else if (t - f > MONTH_MS) causes.push('to: the timeframe between from and to must not exceed 1 month');
      if (f < now - state.opts.historyMonths * MONTH_MS) causes.push(`from: must not be earlier than ${state.opts.historyMonths} months before the request time`);
    }
  }
  const agentId = q.get('agentId'), empId = q.get('empId'), groupId = q.get('groupId');
  if ([agentId, empId, groupId].filter(x => x !== null).length > 1) causes.push('agentId, empId and groupId are mutually exclusive');
  if (agentId !== null && !/^\d{1,18}$/.test(agentId)) causes.push('agentId: must be a number');
  if (groupId !== null && !/^-?\d{1,18}$/.test(groupId)) causes.push('groupId: must be a number');
  const maxLimit = v === 1 ? 100 : 5000;
  const int = (name: string, def: number): number => {
    const raw = q.get(name);
    if (raw === null) return def;
    if (!/^-?\d+$/.test(raw)) { causes.push(`${name}: must be an integer`); return def; }
    return Number(raw);
  };
  // default page: 50 for v1 and v2, as the overview page says (the v2 page says 1000): a client that
  // leaves limit out gets several pages of a busy day, so its paging is exercised
  const limit = int('limit', 50), offset = int('offset', 0);
  if (limit < 1) causes.push('limit: must be greater than or equal to 1');
  if (limit > maxLimit) causes.push(`limit: must be less than or equal to ${maxLimit}`);
  if (offset < 0) causes.push('offset: must be greater than or equal to 0');
  if (causes.length) return badRequest('activity', causes);
  const all = state.data.agents;
  const filter: AgentFilter = agentId !== null ? { key: `a:${agentId}`, agents: all.filter(a => String(a.id) === agentId) }
    : empId !== null ? { key: `e:${empId}`, agents: all.filter(a => a.employeeId === empId) }
      : groupId !== null ? { key: `g:${groupId}`, agents: all.filter(a => String(a.groupId) === groupId) }
        : { key: '*', agents: all };
  return { v: v as 1 | 2, from, to, filter, limit, offset };
}

function change(state: EmulatorState, e: ActivityEvent, withAgent: boolean): Record<string, unknown> {
  const a = state.data.agents[e.agent];
  const reason = e.reason > 0 ? state.reasons.find(r => r.id === e.reason) ?? state.data.seedReasons.find(r => r.id === e.reason) : undefined;
  const row: Record<string, unknown> = withAgent ? agentFields(a) : {};
  return Object.assign(row, {
    time: rfc3339Ms(e.t),
    sessionId: e.seq === -1 || e.seq === 1 ? -1 : e.session,
    sequenceNumber: e.seq, statusType: e.type, statusSubType: e.sub,
    statusReasonId: e.reason > 0 ? e.reason : 0, statusReasonText: reason?.text ?? '',
    prevStatusChangeTime: e.prev === null ? null : rfc3339Ms(e.prev),
  });
}

function agentFields(a: SeedAgent): Record<string, unknown> {
  return { agentId: a.id, employeeId: a.employeeId, agentLoginName: a.loginName, agentUserName: a.nickname, agentGroupId: a.groupId };
}

function references(state: EmulatorState, ctx: Ctx, offset: number, limit: number, total: number): { rel: string; href: string }[] {
  // the foreignNextLink fault: a `next` on this host whose path begins with //other.example.invalid/
  const foreignNext = state.faults.get().foreignNextLink;
  const link = (rel: string, off: number) => {
    const q = new URLSearchParams(ctx.query);
    q.set('offset', String(off));
    q.set('limit', String(limit));
    return { rel, href: selfLink(ctx, rel === 'next' && foreignNext ? `//${FOREIGN_LINK_HOST}${ctx.path}` : ctx.path, q) };
  };
  const refs = [link('self', offset), link('first', 0)];
  if (total > limit) {
    if (offset + limit < total) refs.push(link('next', offset + limit));
    if (offset > 0) refs.push(link('previous', Math.max(0, offset - limit)));
    refs.push(link('last', Math.floor((total - 1) / limit) * limit));
  }
  return refs;
}

export function statusChanges(state: EmulatorState, ctx: Ctx): Reply {
  const q = parse(state, ctx);
  if ('status' in q) return q;
  // changes up to and including "now − lag" are visible; the window itself is [from, to)
  const visibleEnd = Math.min(q.to, state.now() - state.opts.activityLagMinutes * 60_000 + 1);
  const timeframe = { startTime: rfc3339(q.from), endTime: rfc3339(q.to), startTimeL: String(q.from), endTimeL: String(q.to) };
  if (q.v === 2) {
    const { total, events } = pagerOf(state).page(q.filter, q.from, visibleEnd, q.offset, q.limit);
    return ok({ _metadata: { references: references(state, ctx, q.offset, q.limit, total) }, timeframe, stateChanges: events.map(e => change(state, e, true)) });
  }
  // v1: agents (with changes in the window) are paged; each page holds at most 20 × limit × days changes
  const withChanges = visibleEnd > q.from ? q.filter.agents.map(a => ({ a, events: state.data.eventsInRange(a, q.from, visibleEnd) })).filter(x => x.events.length) : [];
  const page = withChanges.slice(q.offset, q.offset + q.limit);
  let budget = 20 * q.limit * Math.max(1, Math.ceil((q.to - q.from) / DAY_MS));
  const agentsInfo = [];
  for (const { a, events } of page) {
    if (budget <= 0) break; // silently truncated, as the real v1 does
    const kept = events.slice(0, budget);
    budget -= kept.length;
    agentsInfo.push({ ...agentFields(a), statusChangeHistory: kept.map(e => change(state, e, false)) });
  }
  return ok({ _metadata: { references: references(state, ctx, q.offset, q.limit, withChanges.length) }, timeframe, agentsInfo });
}
