// Agent Metrics (liveperson-api.md §4): agent-view status, summary and list, on the msgHist and the
// manager_workspace paths. Only logged-in agents appear; filters AND together, values inside one OR.
import { Ctx, Reply, badRequest, isPlainObject, ok, parseJson, selfLink } from '../http';
import type { EmulatorState } from '../state';
import { LiveAgent, liveAgent, metricsRecord } from '../data/metrics';
import { hashInts } from '../data/random';

const STATUSES = ['ONLINE', 'AWAY', 'BACK_SOON', 'OFFLINE'];
const CONNECTION_STATES = ['CONNECTED', 'DISCONNECTED'];

type Body = Record<string, unknown>;

// Live states of all agents, shared by the pages a client fetches in parallel: recomputed at most
// once a second, and whenever an override changes the data.
const liveCache = new WeakMap<EmulatorState, { key: string; agents: LiveAgent[] }>();
function liveAll(state: EmulatorState, now: number): LiveAgent[] {
  const key = `${Math.floor(now / 1000)}|${state.data.version}`;
  const hit = liveCache.get(state);
  if (hit && hit.key === key) return hit.agents;
  const agents = state.data.agents.map(a => liveAgent(state.data, a, now));
  liveCache.set(state, { key, agents });
  return agents;
}

function readBody(ctx: Ctx): { body: Body } | { reply: Reply } {
  const parsed = parseJson(ctx);
  if (!parsed.ok) return { reply: badRequest('metrics', [parsed.error]) };
  if (!isPlainObject(parsed.value)) return { reply: badRequest('metrics', ['body: must be a JSON object (send {} for no filters)']) };
  return { body: parsed.value };
}

function idList(body: Body, key: string, causes: string[]): Set<string> | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every(x => typeof x === 'string' || typeof x === 'number')) {
    causes.push(`${key}: must be an array of ids`);
    return undefined;
  }
  return new Set(v.map(String));
}

function enumList(body: Body, key: string, allowed: string[], causes: string[]): Set<string> | undefined {
  const v = body[key] ?? (key === 'status' ? body.Status : undefined);
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every(x => typeof x === 'string' && allowed.includes(x))) {
    causes.push(`${key}: must be an array of ${allowed.join(', ')}`);
    return undefined;
  }
  return new Set(v as string[]);
}

/** The logged-in agents matching the body filters, in agent order. */
function matching(state: EmulatorState, body: Body, causes: string[], partialOmits: boolean): LiveAgent[] {
  const status = enumList(body, 'status', STATUSES, causes);
  const agentIds = idList(body, 'agentIds', causes);
  const skillIds = idList(body, 'skillIds', causes);
  const groupIds = idList(body, 'agentGroupIds', causes);
  const connection = enumList(body, 'connectionStates', CONNECTION_STATES, causes);
  let presence = true; // the documented default when the filter is omitted
  if (body.agentPresence !== undefined) {
    if (typeof body.agentPresence === 'boolean') presence = body.agentPresence;
    else causes.push('agentPresence: must be a boolean');
  }
  let from: number | undefined;
  if (body.timestamp !== undefined) {
    const ts = body.timestamp;
    if (!isPlainObject(ts) || (ts.from !== undefined && typeof ts.from !== 'number')) causes.push('timestamp: must be an object {from: epoch ms}');
    else from = ts.from as number | undefined;
  }
  if (causes.length) return [];
  const now = state.now();
  const out: LiveAgent[] = [];
  for (const a of liveAll(state, now)) {
    const agent = a.agent;
    if (agentIds && !agentIds.has(String(agent.id))) continue;
    if (groupIds && !groupIds.has(String(agent.groupId))) continue;
    if (skillIds && !agent.skillIds.some(s => skillIds.has(String(s)))) continue;
    if (partialOmits && hashInts(state.opts.seed, agent.index, 0x9a27) % 10 === 0) continue;
    if (!a.snap.loggedIn || a.present !== presence) continue;
    if (status && !status.has(a.status)) continue;
    if (connection && !connection.has(a.connected ? 'CONNECTED' : 'DISCONNECTED')) continue;
    if (from !== undefined && a.lastUpdated < from) continue;
    out.push(a);
  }
  return out;
}

function paging(state: EmulatorState, ctx: Ctx): { offset: number; limit: number; sort?: [string, 'asc' | 'desc'] } | Reply {
  const causes: string[] = [];
  const int = (name: string, def: number): number => {
    const raw = ctx.query.get(name);
    if (raw === null) return def;
    if (!/^-?\d+$/.test(raw)) { causes.push(`${name}: must be an integer`); return def; }
    return Number(raw);
  };
  const offset = int('offset', 0);
  const limit = int('limit', 50);
  if (offset < 0) causes.push('offset: must be greater than or equal to 0');
  if (limit < 1) causes.push('limit: must be greater than or equal to 1');
  if (limit > state.opts.maxLimit) causes.push(`limit: must be less than or equal to ${state.opts.maxLimit}`);
  let sort: [string, 'asc' | 'desc'] | undefined;
  const rawSort = ctx.query.get('sort');
  if (rawSort !== null) {
    const m = /^(start|end):(asc|desc)$/.exec(rawSort);
    if (!m) causes.push('sort: must be start:asc, start:desc, end:asc or end:desc');
    else sort = [m[1], m[2] as 'asc' | 'desc'];
  }
  return causes.length ? badRequest('metrics', causes) : { offset, limit, sort };
}

function pageOf(state: EmulatorState, ctx: Ctx, agents: LiveAgent[], partial: boolean): Reply {
  const p = paging(state, ctx);
  if ('status' in p) return p;
  if (p.sort) {
    const [field, dir] = p.sort;
    const key = (a: LiveAgent) => (field === 'start' ? a.snap.statusSince : a.lastUpdated);
    agents = agents.slice().sort((x, y) => (dir === 'asc' ? key(x) - key(y) : key(y) - key(x)) || x.agent.index - y.agent.index);
  }
  const now = state.now();
  const page = agents.slice(p.offset, p.offset + p.limit);
  const link = (rel: string, offset: number) => {
    const q = new URLSearchParams({ limit: String(p.limit), offset: String(offset) });
    if (p.sort) q.set('sort', `${p.sort[0]}:${p.sort[1]}`);
    return { rel, href: selfLink(ctx, ctx.path, q) };
  };
  const meta: Record<string, unknown> = { count: agents.length, self: link('self', p.offset) };
  if (p.offset + p.limit < agents.length) meta.next = link('next', p.offset + p.limit);
  if (p.offset > 0) meta.prev = link('prev', Math.max(0, p.offset - p.limit));
  if (agents.length > p.limit) meta.last = link('last', Math.floor((agents.length - 1) / p.limit) * p.limit);
  meta.shardsStatusResult = partial ? { partialResult: true, failureShards: 1, totalShards: 10 } : { partialResult: false };
  return ok({ _metadata: meta, accountID: ctx.params.acct, agentStatusRecords: page.map(a => metricsRecord(state.data, a, now)) });
}

export function agentStatus(state: EmulatorState, ctx: Ctx): Reply {
  const read = readBody(ctx);
  if ('reply' in read) return read.reply;
  const body = read.body;
  const causes: string[] = [];
  const partial = state.faults.get().partialResult;
  const agents = matching(state, body, causes, partial);
  return causes.length ? badRequest('metrics', causes) : pageOf(state, ctx, agents, partial);
}

export function agentList(state: EmulatorState, ctx: Ctx): Reply {
  const read = readBody(ctx);
  if ('reply' in read) return read.reply;
  const body = read.body;
  const causes: string[] = [];
  const b = body;
  // eligible transfer targets: logged-in agents with the skill who are not away
  const agents = matching(state, { ...b, status: b.status ?? ['ONLINE', 'BACK_SOON'] }, causes, false);
  return causes.length ? badRequest('metrics', causes) : pageOf(state, ctx, agents, false);
}

/** The summary's filters (§4.2); the status call's others (agentPresence, connectionStates, timestamp) are not its fields. */
const SUMMARY_FILTERS = ['status', 'Status', 'agentIds', 'skillIds', 'agentGroupIds'];

/**
 * The summary (§4.2) of the logged-in agents matching the body's status / agentIds / skillIds /
 * agentGroupIds — the agents the status call returns for the same filter (present ones: its default),
 * other body fields ignored. Loads per agent as in the records (open ÷ configured max slots);
 * weightedAvgLoad weighs them by slots (all open ÷ all slots); no agent → zeros.
 */
export function agentSummary(state: EmulatorState, ctx: Ctx): Reply {
  const read = readBody(ctx);
  if ('reply' in read) return read.reply;
  const body = Object.fromEntries(Object.entries(read.body).filter(([k]) => SUMMARY_FILTERS.includes(k)));
  const causes: string[] = [];
  const agents = matching(state, body, causes, false);
  if (causes.length) return badRequest('metrics', causes);
  const loads = agents.map(a => a.open / a.agent.maxChats);
  const slots = agents.map(a => a.agent.maxChats);
  const totalSlots = slots.reduce((s, x) => s + x, 0);
  const open = agents.reduce((s, a) => s + a.open, 0);
  const round = (x: number) => Math.round(x * 100) / 100;
  return ok({
    accountID: ctx.params.acct,
    summaryResults: {
      openAssignedConversations: open,
      weightedAvgLoad: totalSlots ? round(open / totalSlots) : 0,
      minLoad: loads.length ? round(Math.min(...loads)) : 0,
      maxLoad: loads.length ? round(Math.max(...loads)) : 0,
      minConfiguredMaxSlots: slots.length ? Math.min(...slots) : 0,
      maxConfiguredMaxSlots: slots.length ? Math.max(...slots) : 0,
      numAwayAgents: agents.filter(a => a.status === 'AWAY').length,
      numBackSoonAgents: agents.filter(a => a.status === 'BACK_SOON').length,
      numOnlineAgents: agents.filter(a => a.status === 'ONLINE').length,
    },
  });
}
