// Raw HTTP helpers for the emulator contract tests: node:http requests (not the client), OAuth 1.0a
// signing with the independent `oauth-1.0a` package.
import * as http from 'node:http';
import * as net from 'node:net';
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

export interface RawExchange {
  /** the status line's code, 0 if none arrived */
  status: number;
  /** the whole answer as received */
  raw: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Sends `head` (a request line and headers, CRLF-separated, without the final blank line) over a
 * plain TCP connection, `Connection: close`, and reads the answer to the end: for request lines and
 * Host headers node:http would not send.
 */
export function rawHttp(port: number, head: string, body = ''): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      const length = body ? `\r\ncontent-length: ${Buffer.byteLength(body)}` : '';
      socket.end(`${head}${length}\r\nconnection: close\r\n\r\n${body}`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', c => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
      const bodyText = raw.slice(raw.indexOf('\r\n\r\n') + 4);
      let json: unknown;
      try {
        json = JSON.parse(bodyText);
      } catch {
        json = undefined;
      }
      resolve({ status, raw, json });
    });
  });
}

/** What became of a request whose answer may be lost: a whole answer, or the error the client met. */
export type Outcome =
  | { kind: 'answer'; status: number; text: string }
  | { kind: 'error'; message: string; status?: number; partialBody?: string };

/**
 * Sends one request (node:http, no agent) and reports its outcome instead of throwing; `abort`
 * lets the caller give up on an answer that never comes (the request is destroyed).
 */
export function attempt(base: string, method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): { outcome: Promise<Outcome>; abort: () => void } {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { accept: 'application/json', ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  let req: http.ClientRequest | undefined;
  const outcome = new Promise<Outcome>(resolve => {
    req = http.request(new URL(path, base), { method, headers, agent: false }, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => { if (res.complete) resolve({ kind: 'answer', status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }); });
      res.on('error', e => resolve({ kind: 'error', message: e.message, status: res.statusCode, partialBody: Buffer.concat(chunks).toString('utf8') }));
      res.on('aborted', () => resolve({ kind: 'error', message: 'aborted', status: res.statusCode, partialBody: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', e => resolve({ kind: 'error', message: e.message }));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
  return { outcome, abort: () => req?.destroy() };
}
