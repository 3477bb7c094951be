// Writing an answer: whole (Date header from the emulator clock, JSON or text, optionally a body
// cut in half), or lost after the write was applied — held until the client gives up
// (applyThenTimeout), or cut off mid-answer by destroying the connection (applyThenReset).
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Reply } from './http';
import { HOLD_CAP_MS } from './types';

interface Rendered { status: number; headers: Record<string, string | string[]>; body: Buffer | undefined }

function render(reply: Reply, truncate: boolean, now: number): Rendered {
  const headers: Record<string, string | string[]> = { ...reply.headers, date: new Date(now).toUTCString() };
  let payload: string | undefined;
  if (reply.text !== undefined) {
    payload = reply.text;
    headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8';
  } else if (reply.json !== undefined && reply.status !== 304) {
    payload = JSON.stringify(reply.json);
    if (truncate) payload = payload.slice(0, Math.floor(payload.length / 2));
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  const body = payload === undefined ? undefined : Buffer.from(payload, 'utf8');
  if (body) headers['content-length'] = String(body.length);
  else if (reply.status !== 304) headers['content-length'] = '0';
  return { status: reply.status, headers, body };
}

/** Writes the answer; its Date header is the emulator clock's (as a real server's is its own). */
export function write(res: ServerResponse, reply: Reply, truncate: boolean, now: number): void {
  const r = render(reply, truncate, now);
  res.writeHead(r.status, r.headers);
  res.end(r.body);
}

/**
 * Sends the status line, the headers (with the full Content-Length) and half the body, then destroys
 * the connection: the client sees a premature close. A body-less answer is cut inside its headers.
 */
export function writeThenReset(req: IncomingMessage, reply: Reply, now: number): void {
  const r = render(reply, false, now);
  const lines = [`HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? ''}`];
  for (const [name, value] of Object.entries(r.headers)) for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const bytes = r.body && r.body.length > 1
    ? Buffer.concat([head, r.body.subarray(0, Math.floor(r.body.length / 2))])
    : head.subarray(0, Math.floor(head.length / 2));
  const socket = req.socket;
  socket.write(bytes, () => socket.destroy());
}

/**
 * Never answers: the request stays open until the client closes the connection, or until
 * HOLD_CAP_MS has passed (then the socket is destroyed, still without an answer). Closing the
 * emulator destroys held connections, which clears their timers.
 */
export function holdWithoutAnswer(req: IncomingMessage): void {
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), HOLD_CAP_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
