// Sentinel, the OAuth 2.0 token service (liveperson-api.md §2.3): client credentials → an access
// token (JWT-shaped, signed with a key of this emulator run) that expires after `clientTokenTtlMs`
// on the emulator clock. The parameters are read from the form body, or from the query string as
// LivePerson's own connector example sends them (each from the body when both have it).
import { createHmac, randomBytes } from 'node:crypto';
import { DEMO } from '../types';
import { Ctx, Reply, fail, ok } from '../http';
import type { EmulatorState } from '../state';
import { ACCOUNT_ID_RE } from './authorize';
import { formPairs } from './oauth1';

interface IssuedClientToken {
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

const MAX_TOKENS = 5000;

export class ClientTokenStore {
  private readonly tokens = new Map<string, IssuedClientToken>();
  private readonly key = randomBytes(32);

  constructor(readonly ttlMs: number) {}

  issue(accountId: string, clientId: string, now: number): string {
    if (this.tokens.size >= MAX_TOKENS) this.prune(now);
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = enc({ kid: 'emulator', typ: 'JWT', alg: 'HS256' });
    const body = enc({ aud: accountId, azp: clientId, scope: 'all', iss: 'Sentinel', iat: Math.floor(now / 1000), exp: Math.floor((now + this.ttlMs) / 1000), jti: randomBytes(8).toString('hex') });
    const sig = createHmac('sha256', this.key).update(`${head}.${body}`).digest('base64url');
    const token = `${head}.${body}.${sig}`;
    this.tokens.set(token, { clientId, expiresAt: now + this.ttlMs, revoked: false });
    return token;
  }

  /** 'valid', 'expired' (issued here, lifetime over or revoked) or 'unknown' (not a token of ours). */
  check(token: string, now: number): 'valid' | 'expired' | 'unknown' {
    const t = this.tokens.get(token);
    if (!t) return 'unknown';
    return !t.revoked && now < t.expiresAt ? 'valid' : 'expired';
  }

  /** Every token issued so far answers 401 from now on. */
  expireAll(): void {
    for (const t of this.tokens.values()) t.revoked = true;
  }

  private prune(now: number): void {
    for (const [k, t] of this.tokens) if (t.revoked || now >= t.expiresAt) this.tokens.delete(k);
    while (this.tokens.size >= MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value as string);
  }
}

/** POST /sentinel/api/account/{acct}/app/token?v=1.0 (and the v2 path). */
export function clientToken(state: EmulatorState, ctx: Ctx): Reply {
  const acct = ctx.params.acct;
  if (!ACCOUNT_ID_RE.test(acct)) return fail('sentinel', 400, `Invalid account id: ${acct.slice(0, 40)}`);
  const form = /application\/x-www-form-urlencoded/i.test(ctx.req.headers['content-type'] ?? '') ? new Map(formPairs(ctx.body.toString('utf8'))) : new Map<string, string>();
  const param = (name: string) => form.get(name) ?? ctx.query.get(name) ?? undefined;
  const grant = param('grant_type');
  if (!grant) return fail('sentinel', 400, 'grant_type is required (client_credentials)', { oauthProblem: 'invalid_request' });
  if (grant !== 'client_credentials') return fail('sentinel', 400, `grant_type ${grant.slice(0, 40)} is not supported`, { oauthProblem: 'unsupported_grant_type' });
  const clientId = param('client_id');
  const secret = param('client_secret');
  if (!clientId || !secret) return fail('sentinel', 400, 'client_id and client_secret are required', { oauthProblem: 'invalid_request' });
  if (acct !== DEMO.accountId || clientId !== DEMO.clientId || secret !== DEMO.clientSecret) {
    return fail('sentinel', 401, 'Client authentication failed', { oauthProblem: 'invalid_client' });
  }
  const tokens = state.clientTokens;
  return ok({ access_token: tokens.issue(acct, clientId, state.now()), token_type: 'Bearer', expires_in: Math.round(tokens.ttlMs / 1000) }, 200, { 'cache-control': 'no-store', pragma: 'no-cache' });
}
