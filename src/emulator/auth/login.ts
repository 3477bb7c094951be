// Login Service (agentVep, liveperson-api.md §2.1): user and application login, refresh, logout.
import { randomBytes } from 'node:crypto';
import { DEMO } from '../types';
import { Ctx, Reply, empty, fail, isPlainObject, ok, parseJson, cookies } from '../http';
import type { EmulatorState } from '../state';
import { ADMIN_USER_ID } from '../data/seed';
import { ACCOUNT_ID_RE } from './authorize';
import { csdsEntries } from '../routes/csds';

function sessionCookie(id: string): string {
  return `Session_id=${id}; Path=/; HttpOnly`;
}

function checkAccount(ctx: Ctx): Reply | undefined {
  const acct = ctx.params.acct;
  if (!ACCOUNT_ID_RE.test(acct)) return fail('login', 400, `Invalid account id: ${acct.slice(0, 40)}`);
  if (acct !== DEMO.accountId) return fail('login', 401, `Unknown site ${acct}`, { internalCode: 12 });
  return undefined;
}

export function login(state: EmulatorState, ctx: Ctx): Reply {
  const bad = checkAccount(ctx);
  if (bad) return bad;
  const v = ctx.query.get('v');
  if (v === null || !Number.isFinite(Number(v))) return fail('login', 400, 'Query parameter v is required (v=1.3)', { internalCode: 400 });
  const parsed = parseJson(ctx);
  if (!parsed.ok || !isPlainObject(parsed.value)) return fail('login', 400, parsed.ok ? 'Body must be a JSON object' : parsed.error, { internalCode: 400 });
  const b = parsed.value;
  const username = typeof b.username === 'string' ? b.username : '';
  if (!username) return fail('login', 400, 'username is required', { internalCode: 400 });
  const user = username === DEMO.username ? { id: ADMIN_USER_ID, loginName: DEMO.username, isAdmin: true }
    : (() => { const a = state.data.agents.find(x => x.loginName === username && !x.deleted); return a && { id: a.id, loginName: a.loginName, isAdmin: false }; })();
  let accepted = false;
  if (typeof b.password === 'string') {
    accepted = !!user && b.password === DEMO.password;
  } else if (typeof b.appKey === 'string') {
    const key = state.keys.find(k => k.appKey === b.appKey && k.appSecret === b.secret);
    const dummy = b.accessToken === 'dummy' && b.accessTokenSecret === 'dummy';
    accepted = !!user && !!key && (dummy || (key.accessToken === b.accessToken && key.accessTokenSecret === b.accessTokenSecret));
  } else {
    return fail('login', 400, 'Body must carry password, or appKey/secret/accessToken/accessTokenSecret', { internalCode: 400 });
  }
  if (!accepted || !user) return fail('login', 401, 'Authentication failed: wrong user name or credentials', { internalCode: 11 });
  const now = state.now();
  const s = state.sessions.create(user.id, user.loginName, now);
  const rootGroup = state.data.groups.find(g => g.id === -1)!;
  return ok({
    csrf: s.csrf,
    wsuk: String(BigInt(`0x${randomBytes(8).toString('hex')}`) % 10_000_000_000_000_000_000n),
    config: {
      loginName: user.loginName, userId: String(user.id), userPid: `pid-${user.id}`,
      userPrivileges: user.isAdmin ? [100, 101, 1730, 1731] : [100],
      serverCurrentTime: now, timeDiff: 0, serverTimeZoneName: 'UTC', serverTimeGMTDiff: 0,
      isLPA: false, isAdmin: user.isAdmin, accountTimeZoneId: 'UTC',
    },
    csdsCollectionResponse: { baseURIs: csdsEntries(state, ctx) },
    accountData: { agentGroupsData: { items: [{ id: rootGroup.id, deleted: false, name: rootGroup.name }], revision: state.revision } },
    sessionTTl: String(state.opts.sessionTtlMs),
    bearer: s.bearer,
  }, 200, { 'set-cookie': sessionCookie(s.sessionId) });
}

/** refresh and logout: the Session_id cookie and the csrf in the body must match a live session. */
function sessionFromRequest(state: EmulatorState, ctx: Ctx): ReturnType<EmulatorState['sessions']['bySessionId']> | Reply {
  const bad = checkAccount(ctx);
  if (bad) return bad;
  const parsed = parseJson(ctx);
  const csrf = parsed.ok && isPlainObject(parsed.value) ? parsed.value.csrf : undefined;
  const s = state.sessions.bySessionId(cookies(ctx).Session_id);
  if (!s || typeof csrf !== 'string' || csrf !== s.csrf) return fail('login', 401, 'CSRF token invalid! Session_id cookie or csrf missing or not matching', { internalCode: 10 });
  if (!state.sessions.alive(s, state.now())) return fail('login', 401, 'Session expired', { internalCode: 10 });
  return s;
}

export function refresh(state: EmulatorState, ctx: Ctx): Reply {
  const s = sessionFromRequest(state, ctx);
  if (!s || 'status' in s) return s ?? fail('login', 401, 'Unauthorized', { internalCode: 10 });
  s.lastUsedAt = state.now();
  return empty(200, { 'set-cookie': sessionCookie(s.sessionId) });
}

export function logout(state: EmulatorState, ctx: Ctx): Reply {
  const s = sessionFromRequest(state, ctx);
  if (!s || 'status' in s) return s ?? fail('login', 401, 'Unauthorized', { internalCode: 10 });
  state.sessions.end(s);
  return empty(200, { 'set-cookie': 'Session_id=; Path=/; HttpOnly; Max-Age=0' });
}
