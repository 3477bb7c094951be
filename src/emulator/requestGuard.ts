// The emulator is not a door into the machine: before anything is routed, a request must name this
// emulator (Host 127.0.0.1 / localhost / [::1] with its port: a DNS-rebound name is refused) and,
// when it carries an Origin, come from the emulator's own origin (a web page's cross-origin
// request is refused — a text/plain POST needs no preflight). A request target the emulator
// cannot parse answers 400 instead of reaching the handlers.
import type { IncomingMessage } from 'node:http';
import type { Reply } from './http';

export type GuardReason = 'foreign-origin' | 'foreign-host';

/** The request target, parsed; or the 400/403 answer to give instead. */
export type GuardResult = { ok: true; url: URL } | { ok: false; reply: Reply };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const PARSE_BASE = 'http://emulator.invalid';

/** The host:port forms that name this emulator (Host header values, origins without the scheme). */
export function ownHosts(port: number): string[] {
  const hosts = LOOPBACK_NAMES.map(h => `${h}:${port}`);
  return port === 80 ? [...hosts, ...LOOPBACK_NAMES] : hosts;
}

function refuse(status: 400 | 403, message: string, reason?: GuardReason): { ok: false; reply: Reply } {
  return { ok: false, reply: { status, json: reason ? { message, reason } : { message } } };
}

/** What a log line or an error may show of a header the client sent: short, printable. */
function shown(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}

/** Parses the request target: origin-form (`/path?q`) or absolute-form (`http://host/path`). */
function parseTarget(raw: string): URL | string {
  if (raw.startsWith('//')) return `the request target ${shown(raw)} begins with // (a network-path reference, not a path)`;
  try {
    if (raw.startsWith('/')) return new URL(PARSE_BASE + raw);
    if (/^https?:\/\//i.test(raw)) return new URL(raw);
  } catch {
    return `the request target ${shown(raw)} is not a valid URL`;
  }
  return `the request target ${shown(raw)} is neither a path nor an http(s) URL`;
}

/**
 * Checks Host, the absolute-form authority and Origin against this emulator's port; parses the
 * target. Applies to every request: API calls, CSDS lookups and /__control/*.
 */
export function guardRequest(req: IncomingMessage, port: number): GuardResult {
  const raw = req.url ?? '/';
  const url = parseTarget(raw);
  if (typeof url === 'string') return refuse(400, `Bad request: ${url}`);
  const own = ownHosts(port);
  const host = (req.headers.host ?? '').toLowerCase();
  if (!own.includes(host)) {
    return refuse(403, host ? `Host ${shown(host)} is not this emulator (use 127.0.0.1:${port}, localhost:${port} or [::1]:${port})` : `A Host header is required (127.0.0.1:${port})`, 'foreign-host');
  }
  // absolute-form: its authority is the host the request is for (RFC 9112 §3.2.2)
  if (!raw.startsWith('/') && !own.includes(url.host.toLowerCase())) {
    return refuse(403, `The request is for ${shown(url.host)}, not this emulator (127.0.0.1:${port})`, 'foreign-host');
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const allowed = own.map(h => `http://${h}`);
    if (!allowed.includes(origin.toLowerCase())) {
      return refuse(403, `Requests from the web origin ${shown(origin)} are refused: the emulator answers its own origin (http://127.0.0.1:${port}) and non-browser clients only`, 'foreign-origin');
    }
  }
  return { ok: true, url: raw.startsWith('/') ? url : new URL(PARSE_BASE + url.pathname + url.search) };
}
