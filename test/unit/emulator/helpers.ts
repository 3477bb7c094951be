// Raw HTTP helpers for the emulator contract tests: node:http requests (not the client), OAuth 1.0a
// signing with the independent `oauth-1.0a` package.
import * as http from 'node:http';
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { DEMO } from '../../../src/emulator';

export const ACCT = DEMO.accountId;

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** parsed JSON body, undefined when empty or not JSON */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function request(base: string, method: string, path: string, opts: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const url = new URL(path, base);
  const payload = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const headers: Record<string, string> = { accept: 'application/json', ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export const BEARER = { authorization: `Bearer ${DEMO.bearerToken}` };

export interface KeyCreds { appKey: string; appSecret: string; accessToken: string; accessTokenSecret: string }

/** An OAuth 1.0a Authorization header made by the independent npm implementation. */
export function oauthHeader(key: KeyCreds, method: string, url: string, opts: { timestamp?: number; nonce?: string } = {}): string {
  const oauth = new OAuth({
    consumer: { key: key.appKey, secret: key.appSecret },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, k) => createHmac('sha1', k).update(base).digest('base64'),
  });
  const data = oauth.authorize({ url, method }, { key: key.accessToken, secret: key.accessTokenSecret });
  if (opts.timestamp !== undefined || opts.nonce !== undefined) {
    if (opts.timestamp !== undefined) data.oauth_timestamp = opts.timestamp;
    if (opts.nonce !== undefined) data.oauth_nonce = opts.nonce;
    const { oauth_signature: _s, ...unsigned } = data;
    data.oauth_signature = oauth.getSignature({ url, method }, key.accessTokenSecret, unsigned);
  }
  return oauth.toHeader(data).Authorization;
}

/** Signed request with `key` (full URL signed, query included). */
export function signed(base: string, key: KeyCreds, method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const url = new URL(path, base).toString();
  return request(base, method, path, { ...opts, headers: { ...opts.headers, authorization: oauthHeader(key, method, url) } });
}

export function reasonsPath(extra = '', query = 'v=1.0'): string {
  return `/api/account/${ACCT}/configuration/le-agents/status-reasons${extra}?${query}`;
}

/** A settable clock for TTL and live-view tests. */
export function fakeClock(start = Date.now()): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: ms => { t += ms; }, set: ms => { t = ms; } };
}

/** Every v2 status change of a status-changes request, following the `next` links (bearer auth). */
export async function allStatusChanges<T>(base: string, path: string, headers: Record<string, string>): Promise<T[]> {
  const out: T[] = [];
  let next: string | undefined = path;
  while (next) {
    const r = await request(base, 'GET', next, { headers });
    if (r.status !== 200) throw new Error(`${next}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
    out.push(...r.json.stateChanges);
    next = r.json._metadata.references.find((x: { rel: string }) => x.rel === 'next')?.href;
  }
  return out;
}
