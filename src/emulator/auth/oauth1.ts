// OAuth 1.0a HMAC-SHA1 verification per RFC 5849 §3.4: the signature base string is built from the
// method, the base URL the client used (scheme + Host header + path) and the normalized parameters
// (oauth_* from the header + query parameters + form parameters; JSON bodies are not signed).
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface KeySet { appKey: string; appSecret: string; accessToken: string; accessTokenSecret: string }

export const TIMESTAMP_SKEW_S = 300;

/** RFC 3986 percent-encoding (unreserved characters kept). */
export function pct(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parses `OAuth k="v", k2="v2"` into decoded pairs; undefined if it is not an OAuth header. */
export function parseOAuthHeader(header: string | undefined): Map<string, string> | undefined {
  if (!header || !/^OAuth\s/i.test(header)) return undefined;
  const out = new Map<string, string>();
  const re = /([A-Za-z0-9_.~%-]+)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header.slice(6)))) {
    try {
      out.set(decodeURIComponent(m[1]), decodeURIComponent(m[2]));
    } catch {
      return undefined;
    }
  }
  return out;
}

/** Form-decoding of a query string or urlencoded body into raw pairs (RFC 5849 §3.4.1.3.1). */
export function formPairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  if (!text) return pairs;
  for (const part of text.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    pairs.push(i < 0 ? [dec(part), ''] : [dec(part.slice(0, i)), dec(part.slice(i + 1))]);
  }
  return pairs;
}

export function baseString(method: string, baseUrl: string, params: [string, string][]): string {
  const normalized = params
    .map(([k, v]) => [pct(k), pct(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `${method.toUpperCase()}&${pct(baseUrl)}&${pct(normalized)}`;
}

export function hmacSha1(base: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha1', `${pct(consumerSecret)}&${pct(tokenSecret)}`).update(base).digest('base64');
}

/** Lower-case scheme and host, default port dropped (RFC 5849 §3.4.1.2). */
export function normalizeBaseUrl(scheme: string, host: string, path: string): string {
  const s = scheme.toLowerCase();
  let h = host.toLowerCase();
  if ((s === 'http' && h.endsWith(':80')) || (s === 'https' && h.endsWith(':443'))) h = h.replace(/:\d+$/, '');
  return `${s}://${h}${path}`;
}

export interface OAuthRequest {
  method: string;
  scheme: string;
  host: string;
  path: string;
  rawQuery: string;
  /** urlencoded form body, if the request had one */
  formBody?: string;
  authorization: string | undefined;
  nowMs: number;
}

export type OAuthResult = { ok: true; key: KeySet } | { ok: false; problem: string; message: string };

/** Verifies an OAuth 1.0a request against the known key sets; `seenNonce` records and detects replays. */
export function verifyOAuth1(req: OAuthRequest, keys: readonly KeySet[], seenNonce: (key: string, nonce: string, ts: number) => boolean): OAuthResult {
  const header = parseOAuthHeader(req.authorization);
  if (!header) return { ok: false, problem: 'parameter_absent', message: 'Missing OAuth Authorization header' };
  for (const p of ['oauth_consumer_key', 'oauth_token', 'oauth_signature_method', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature']) {
    if (!header.has(p)) return { ok: false, problem: 'parameter_absent', message: `Missing ${p}` };
  }
  if (header.get('oauth_signature_method') !== 'HMAC-SHA1') return { ok: false, problem: 'signature_method_rejected', message: 'Only HMAC-SHA1 is supported' };
  const version = header.get('oauth_version');
  if (version !== undefined && version !== '1.0') return { ok: false, problem: 'version_rejected', message: 'oauth_version must be 1.0' };
  const key = keys.find(k => k.appKey === header.get('oauth_consumer_key'));
  if (!key) return { ok: false, problem: 'consumer_key_unknown', message: 'Unknown app key' };
  if (key.accessToken !== header.get('oauth_token')) return { ok: false, problem: 'token_rejected', message: 'Unknown access token' };
  const ts = Number(header.get('oauth_timestamp'));
  if (!Number.isInteger(ts) || Math.abs(ts - req.nowMs / 1000) > TIMESTAMP_SKEW_S) {
    return { ok: false, problem: 'timestamp_refused', message: `oauth_timestamp is more than ${TIMESTAMP_SKEW_S} s away from the server time` };
  }
  const params: [string, string][] = [];
  for (const [k, v] of header) if (k !== 'oauth_signature' && k !== 'realm') params.push([k, v]);
  params.push(...formPairs(req.rawQuery));
  if (req.formBody !== undefined) params.push(...formPairs(req.formBody));
  const base = baseString(req.method, normalizeBaseUrl(req.scheme, req.host, req.path), params);
  const expected = Buffer.from(hmacSha1(base, key.appSecret, key.accessTokenSecret));
  const given = Buffer.from(header.get('oauth_signature') ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, problem: 'signature_invalid', message: 'OAuth signature does not match' };
  }
  if (seenNonce(key.appKey, header.get('oauth_nonce')!, ts)) return { ok: false, problem: 'nonce_used', message: 'oauth_nonce was already used' };
  return { ok: true, key };
}
