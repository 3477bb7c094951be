// OAuth 1.0a request signing, HMAC-SHA1, header form (RFC 5849 §3.4, liveperson-api.md §2.2).
// Signed: the oauth_* protocol parameters and the query-string parameters (and form parameters, but
// only when a body is application/x-www-form-urlencoded — LivePerson's JSON bodies are NOT signed).
import { createHmac, randomBytes } from 'node:crypto';
import type { Credentials } from '../types';
import type { Authorizer, OutgoingRequest } from './authorizer';
import { registerSecret } from '../redact';

export type OAuth1Keys = Extract<Credentials, { kind: 'oauth1' }>;

/** RFC 3986 percent-encoding as RFC 5849 §3.6 requires (unreserved characters kept, UTF-8, upper-case hex). */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** §3.4.1.2: lower-case scheme and host, default port dropped, path kept, no query or fragment. */
export function baseStringUri(url: URL): string {
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  const host = url.hostname.toLowerCase();
  const port = url.port && !((scheme === 'http' && url.port === '80') || (scheme === 'https' && url.port === '443')) ? `:${url.port}` : '';
  return `${scheme}://${host}${port}${url.pathname || '/'}`;
}

/** §3.4.1.3.2: encode each name and value, sort by name then value, join. */
export function normalizeParameters(params: readonly [string, string][]): string {
  return params
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Query parameters of a URL, decoded (a '+' is a space, as in form encoding). */
export function queryParameters(url: URL): [string, string][] {
  const out: [string, string][] = [];
  url.searchParams.forEach((v, k) => out.push([k, v]));
  return out;
}

/** §3.4.1: METHOD & pct(base URI) & pct(normalized parameters). `oauthParams` must not contain oauth_signature or realm. */
export function signatureBaseString(method: string, url: string, oauthParams: Record<string, string>, formParams: readonly [string, string][] = []): string {
  const u = new URL(url);
  const params: [string, string][] = [...queryParameters(u), ...formParams, ...Object.entries(oauthParams).filter(([k]) => k !== 'oauth_signature' && k !== 'realm')];
  return `${method.toUpperCase()}&${percentEncode(baseStringUri(u))}&${percentEncode(normalizeParameters(params))}`;
}

/** §3.4.2: base64(HMAC-SHA1(pct(consumer secret) & pct(token secret), base string)). */
export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha1', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`).update(baseString).digest('base64');
}

export interface SignOptions {
  /** fixed values for tests; random / current time otherwise */
  nonce?: string;
  timestamp?: number;
  /** form-encoded body parameters (only for application/x-www-form-urlencoded bodies) */
  formParams?: readonly [string, string][];
}

/** The `Authorization` header value for one request. */
export function oauth1Header(method: string, url: string, keys: Omit<OAuth1Keys, 'kind'>, opts: SignOptions = {}): string {
  const oauth: Record<string, string> = {
    oauth_consumer_key: keys.appKey,
    oauth_nonce: opts.nonce ?? randomBytes(16).toString('hex'),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(opts.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_token: keys.accessToken,
    oauth_version: '1.0',
  };
  const base = signatureBaseString(method, url, oauth, opts.formParams);
  oauth.oauth_signature = hmacSha1Signature(base, keys.secret, keys.accessTokenSecret);
  return `OAuth ${Object.keys(oauth)
    .sort()
    .map((k) => `${percentEncode(k)}="${percentEncode(oauth[k])}"`)
    .join(', ')}`;
}

/** Signs every request with the API key; nothing to renew, so a 401 is final. */
export class OAuth1Authorizer implements Authorizer {
  readonly kind = 'oauth1' as const;
  constructor(
    private readonly keys: OAuth1Keys,
    private readonly now: () => number = Date.now,
  ) {
    registerSecret(keys.secret);
    registerSecret(keys.accessTokenSecret);
  }
  async authorize(request: OutgoingRequest): Promise<void> {
    request.headers.Authorization = oauth1Header(request.method, request.url, this.keys, { timestamp: Math.floor(this.now() / 1000) });
  }
  async onUnauthorized(): Promise<boolean> {
    return false;
  }
  async dispose(): Promise<void> {}
}
