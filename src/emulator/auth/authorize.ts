// Who is calling and may they (liveperson-api.md §2.4, §11.2): a login bearer, the demo plain bearer,
// an OAuth 2.0 client-credentials token (Account Configuration and Agent Activity; Agent Metrics
// documents API keys only → 403), or an OAuth 1.0a signed request from a known API key with the
// needed permission.
import { DEMO } from '../types';
import { Ctx, Reply, fail } from '../http';
import type { EmulatorState, Permission } from '../state';
import { verifyOAuth1 } from './oauth1';

const PERMISSION_LABEL: Record<Permission, string> = {
  'ac.read': 'Account Configuration (read)',
  'ac.write': 'Account Configuration (write)',
  metrics: 'Engagement History / Messaging Interactions (Agent Metrics)',
  activity: 'Data → Workforce Management → Agent Status Changes (Agent Activity API)',
};

export const ACCOUNT_ID_RE = /^[a-zA-Z0-9_]{1,20}$/;

/** undefined when the call may proceed; otherwise the 400/401/403 reply. */
export function authorize(state: EmulatorState, ctx: Ctx, need: Permission): Reply | undefined {
  const acct = ctx.params.acct;
  if (acct !== undefined && !ACCOUNT_ID_RE.test(acct)) return fail(ctx.backend, 400, `Invalid account id: ${acct.slice(0, 40)}`, { causes: ['accountId: must match ^[a-zA-Z0-9_]{1,20}$'] });
  const auth = ctx.req.headers.authorization;
  const now = state.now();
  let permissions: ReadonlySet<Permission>;
  if (auth && /^Bearer\s+/i.test(auth)) {
    const token = auth.replace(/^Bearer\s+/i, '').trim();
    const clientToken = token === DEMO.bearerToken ? 'unknown' : state.clientTokens.check(token, now);
    if (token === DEMO.bearerToken) {
      permissions = new Set<Permission>(['ac.read', 'ac.write', 'metrics', 'activity']);
    } else if (clientToken !== 'unknown') {
      if (clientToken === 'expired') return fail(ctx.backend, 401, 'The OAuth 2.0 access token has expired', { oauthProblem: 'token_expired' });
      if (need === 'metrics') return fail(ctx.backend, 403, 'Agent Metrics accepts an API key (OAuth 1.0a) or a login bearer, not an OAuth 2.0 client-credentials token');
      permissions = new Set<Permission>(['ac.read', 'ac.write', 'activity']);
    } else {
      if (!state.sessions.useBearer(token, now)) return fail(ctx.backend, 401, 'Bearer token is invalid or expired', { oauthProblem: 'token_rejected' });
      if (need === 'activity' && !state.opts.activityAcceptsBearer) {
        return fail(ctx.backend, 401, 'This API accepts API keys (OAuth 1.0a) only, not a login bearer', { oauthProblem: 'token_rejected' });
      }
      // --agent-metrics-needs-key: Agent Metrics as documented (an API key), a permission problem → 403
      if (need === 'metrics' && state.opts.agentMetricsNeedsKey) {
        return fail(ctx.backend, 403, `Agent Metrics requires an API key with the permission ${PERMISSION_LABEL.metrics}; a login bearer is not accepted`);
      }
      permissions = new Set<Permission>(['ac.read', 'ac.write', 'metrics', 'activity']);
    }
  } else if (auth && /^OAuth\s/i.test(auth)) {
    const form = /application\/x-www-form-urlencoded/i.test(ctx.req.headers['content-type'] ?? '') ? ctx.body.toString('utf8') : undefined;
    const proto = String(ctx.req.headers['x-forwarded-proto'] ?? 'http').split(',')[0].trim() || 'http';
    const result = verifyOAuth1(
      { method: ctx.req.method ?? 'GET', scheme: proto, host: ctx.host, path: ctx.path, rawQuery: rawQuery(ctx), formBody: form, authorization: auth, nowMs: state.wallNow() },
      state.keys,
      (k, n, ts) => state.seenNonce(k, n, ts),
    );
    if (!result.ok) return fail(ctx.backend, 401, result.message, { oauthProblem: result.problem });
    permissions = state.keys.find(k => k.appKey === result.key.appKey)!.permissions;
  } else {
    return fail(ctx.backend, 401, auth ? 'Unsupported Authorization scheme' : 'Missing Authorization header', { oauthProblem: 'parameter_absent' });
  }
  if (!permissions.has(need)) return fail(ctx.backend, 403, `The API key lacks the permission: ${PERMISSION_LABEL[need]}`);
  if (acct !== undefined && acct !== DEMO.accountId) return fail(ctx.backend, 403, `Not authorized for account ${acct}`);
  return undefined;
}

function rawQuery(ctx: Ctx): string {
  const url = ctx.req.url ?? '';
  const i = url.indexOf('?');
  return i < 0 ? '' : url.slice(i + 1);
}

/**
 * The 401 of the `unauthorizedAfter` fault: a login-session bearer ends every login session issued
 * so far (as a session that expired: a re-login gets a fresh bearer that works); an API key or the
 * plain demo bearer is refused this once and accepted again afterwards.
 */
export function injectedUnauthorized(state: EmulatorState, ctx: Ctx): Reply {
  const auth = ctx.req.headers.authorization ?? '';
  const bearer = /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '').trim() : undefined;
  if (bearer !== undefined && bearer !== DEMO.bearerToken) {
    if (state.clientTokens.check(bearer, state.now()) === 'unknown') state.sessions.expireAll();
    else state.clientTokens.expireAll();
  }
  return fail(ctx.backend, 401, bearer !== undefined ? 'Bearer token is invalid or expired (injected: the session expired)' : 'Access token rejected (injected)', { oauthProblem: 'token_rejected' });
}
