// The control surface for tests: in-process (EmulatorControl) and over HTTP on /__control/*
// (loopback clients only).
import type { IncomingMessage } from 'node:http';
import type { EmulatorState } from './state';
import type { EmulatorControl, Faults, LiveStatus } from './types';
import { Reply, isPlainObject, ok } from './http';
import { parseInstant, rateProblem } from './clock';

const STATUSES: LiveStatus[] = ['ONLINE', 'AWAY', 'BACK_SOON', 'OFFLINE'];

export function createControl(state: EmulatorState): EmulatorControl {
  return {
    setFaults: (f: Partial<Faults>) => state.faults.set(f),
    resetFaults: () => state.faults.reset(),
    faults: () => state.faults.get(),
    expireBearers: () => {
      state.sessions.expireAll();
      state.clientTokens.expireAll();
    },
    stats: () => state.stats(),
    resetStats: () => state.resetStats(),
    requests: () => state.requests(),
    agentIds: () => state.data.agents.map(a => String(a.id)),
    setAgentStatus: (agentId: string, status: LiveStatus, reasonId?: string, options?: { connected?: boolean }) => {
      const agent = state.data.agentById(agentId);
      if (!agent) throw new Error(`Unknown agent id ${agentId}`);
      if (!STATUSES.includes(status)) throw new Error(`Unknown status ${String(status)}`);
      if (reasonId !== undefined && !/^\d+$/.test(reasonId)) throw new Error(`Invalid reason id ${reasonId}`);
      if (options?.connected !== undefined && typeof options.connected !== 'boolean') throw new Error('connected must be true or false');
      state.data.setStatus(agent, status, reasonId ? Number(reasonId) : 0, state.now(), options?.connected ?? true);
    },
    revision: () => state.revision,
    reasons: () => state.reasons.map(r => ({ ...r, id: String(r.id) })),
    clock: () => state.clock.read(),
    setClock: (now: string | number) => {
      const ms = parseInstant(now);
      if (typeof ms === 'string') throw new Error(`now: ${ms}`);
      state.clock.set(ms);
      return state.clock.read();
    },
    advanceClock: (ms: number) => {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new Error('advanceMs: must be a number of milliseconds ≥ 0 (to go back, set "now")');
      state.clock.advance(ms);
      return state.clock.read();
    },
    setClockRate: (rate: number) => {
      const problem = rateProblem(rate);
      if (problem) throw new Error(`rate: ${problem}`);
      state.clock.setRate(rate);
      return state.clock.read();
    },
  };
}

const CLOCK_BODY = 'body must be {"now": "<ISO-8601 with a zone>"} or {"advanceMs": N}, optionally with "rate": N';

function clockRequest(control: EmulatorControl, json: unknown): Reply {
  if (!isPlainObject(json)) return { status: 400, json: { message: CLOCK_BODY } };
  const keys = Object.keys(json);
  const unknown = keys.filter(k => k !== 'now' && k !== 'advanceMs' && k !== 'rate');
  if (unknown.length) return { status: 400, json: { message: `unknown field ${unknown.map(k => JSON.stringify(k)).join(', ')}: ${CLOCK_BODY}` } };
  if (!keys.length || ('now' in json && 'advanceMs' in json)) return { status: 400, json: { message: CLOCK_BODY } };
  try {
    // validate everything before changing anything
    if ('now' in json && typeof parseInstant(json.now) === 'string') throw new Error(`now: ${parseInstant(json.now) as string}`);
    if ('rate' in json && rateProblem(json.rate)) throw new Error(`rate: ${rateProblem(json.rate)}`);
    if ('advanceMs' in json && (typeof json.advanceMs !== 'number' || !Number.isFinite(json.advanceMs) || json.advanceMs < 0)) {
      throw new Error('advanceMs: must be a number of milliseconds ≥ 0 (to go back, set "now")');
    }
    if ('now' in json) control.setClock(json.now as string);
    if ('advanceMs' in json) control.advanceClock(json.advanceMs as number);
    if ('rate' in json) control.setClockRate(json.rate as number);
  } catch (e) {
    return { status: 400, json: { message: (e as Error).message } };
  }
  return ok(control.clock());
}

export function isLoopback(req: IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? '';
  return a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';
}

/** Handles /__control/* requests. */
export function handleControl(control: EmulatorControl, req: IncomingMessage, path: string, body: Buffer): Reply {
  if (!isLoopback(req)) return { status: 403, json: { message: 'control endpoints answer loopback clients only' } };
  const method = req.method ?? 'GET';
  let json: unknown;
  if (body.length) {
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return { status: 400, json: { message: 'body must be JSON' } };
    }
  }
  const route = `${method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /__control/faults':
      return ok(control.faults());
    case 'POST /__control/faults':
      if (!isPlainObject(json)) return { status: 400, json: { message: 'body must be a JSON object of fault knobs' } };
      control.setFaults(json as Partial<Faults>);
      return ok(control.faults());
    case 'POST /__control/reset-faults':
      control.resetFaults();
      return ok(control.faults());
    case 'POST /__control/expire-bearers':
      control.expireBearers();
      return ok({ expired: true });
    case 'GET /__control/stats':
      return ok(control.stats());
    case 'GET /__control/requests':
      return ok(control.requests());
    case 'POST /__control/reset-stats':
      control.resetStats();
      return ok({});
    case 'GET /__control/agents':
      return ok(control.agentIds());
    case 'GET /__control/revision':
      return ok({ revision: control.revision() });
    case 'POST /__control/agent-status': {
      if (!isPlainObject(json) || typeof json.agentId !== 'string' || typeof json.status !== 'string') {
        return { status: 400, json: { message: 'body must be {agentId, status, reasonId?, connected?}' } };
      }
      try {
        const options = json.connected === undefined ? undefined : { connected: json.connected as boolean };
        control.setAgentStatus(json.agentId, json.status as LiveStatus, json.reasonId === undefined ? undefined : String(json.reasonId), options);
      } catch (e) {
        return { status: 400, json: { message: (e as Error).message } };
      }
      return ok({ ok: true });
    }
    case 'GET /__control/clock':
      return ok(control.clock());
    case 'POST /__control/clock':
      return clockRequest(control, json);
    default:
      return { status: 404, json: { message: `unknown control endpoint ${route}` } };
  }
}
