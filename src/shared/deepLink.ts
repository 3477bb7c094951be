// Deep links (`<scheme>://liveperson-tools.liveperson-agent-status/timeline?…` and `/reason?…`):
// built for "Copy Link to This View" and parsed by the URI handler. Pure — no `vscode`, no DOM — so
// the round trip and every refusal are unit-tested in plain Node. A link carries ids, times and a
// time zone only: never a credential, a token or a name.
import type { TimeZoneMode } from './protocol';
import { customRangeProblem } from './rangeRules';

export const EXTENSION_ID = 'liveperson-tools.liveperson-agent-status';

export interface TimelineLink {
  kind: 'timeline';
  /** accountKey(): the account id, or `demo:<id>` for the demo account */
  account: string;
  agents: string[] | 'all';
  /** epoch ms */
  from: number;
  to: number;
  /** absent: the reader's liveperson.timeline.timeZone setting */
  tz?: TimeZoneMode;
}
export interface ReasonLink { kind: 'reason'; account: string; id: string }
export type DeepLink = TimelineLink | ReasonLink;

export type ParsedLink = { ok: true; link: DeepLink } | { ok: false; problem: string };

/** At most this many agents in one link (a link goes into a ticket; "all" covers the rest). */
export const MAX_LINK_AGENTS = 100;
const ACCOUNT = /^(demo:)?[A-Za-z0-9_]{1,20}$/;
const AGENT_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const REASON_ID = /^[A-Za-z0-9_-]{1,40}$/;
const EPOCH_MS = /^\d{1,15}$/;
/** ISO-8601 with a date, a time and a zone (Z or ±hh:mm): a time without a zone means different things to different readers */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const PARAMS: Record<DeepLink['kind'], { required: string[]; optional: string[] }> = {
  timeline: { required: ['account', 'agents', 'from', 'to'], optional: ['tz'] },
  reason: { required: ['account', 'id'], optional: [] },
};

/** The link text: `scheme` is vscode.env.uriScheme (`vscode`, `vscode-insiders`, `code-oss`…). */
export function buildDeepLink(link: DeepLink, scheme: string): string {
  const params: [string, string][] = link.kind === 'timeline'
    ? [['account', link.account], ['agents', link.agents === 'all' ? 'all' : link.agents.join(',')], ['from', isoOf(link.from)], ['to', isoOf(link.to)], ...(link.tz ? [['tz', link.tz] as [string, string]] : [])]
    : [['account', link.account], ['id', link.id]];
  return `${scheme}://${EXTENSION_ID}/${link.kind}?${params.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&')}`;
}

/** A whole link as text (tests, pasted links): checks the extension id, then parseDeepLink. */
export function parseDeepLinkText(text: string): ParsedLink {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?(?:#.*)?$/i.exec(text.trim());
  if (!m) return { ok: false, problem: 'it is not a link (expected scheme://extension-id/path?query).' };
  if (m[2].toLowerCase() !== EXTENSION_ID) return { ok: false, problem: `it is for “${m[2]}”, not for this extension (${EXTENSION_ID}).` };
  return parseDeepLink(m[3] ?? '', m[4] ?? '');
}

/**
 * The path (`/timeline` or `/reason`) and query of a link, as vscode.Uri gives them. Every problem
 * is one sentence naming the parameter at fault (the handler shows it after "This link cannot be opened:").
 */
export function parseDeepLink(path: string, query: string): ParsedLink {
  const kind = path.replace(/^\/+|\/+$/g, '');
  if (kind !== 'timeline' && kind !== 'reason') return { ok: false, problem: kind ? `“/${kind}” is not a known link (use /timeline or /reason).` : 'the link names no view (use /timeline or /reason).' };
  const read = readQuery(query);
  if (!read.ok) return read;
  const params = read.params;
  const { required, optional } = PARAMS[kind];
  const unknown = [...params.keys()].filter(k => !required.includes(k) && !optional.includes(k));
  if (unknown.length) return { ok: false, problem: `unknown parameter${unknown.length === 1 ? '' : 's'} ${unknown.map(k => `“${k}”`).join(', ')} (a /${kind} link takes ${[...required, ...optional].join(', ')}).` };
  const missing = required.filter(k => !params.get(k));
  if (missing.length) return { ok: false, problem: `${missing.map(k => `“${k}”`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.` };
  const account = params.get('account')!;
  if (!ACCOUNT.test(account)) return { ok: false, problem: `“${clip(account)}” is not an account id (1 to 20 letters, digits or underscores).` };
  if (kind === 'reason') {
    const id = params.get('id')!;
    if (!REASON_ID.test(id)) return { ok: false, problem: `“${clip(id)}” is not a status reason id.` };
    return { ok: true, link: { kind, account, id } };
  }
  const agents = agentsOf(params.get('agents')!);
  if ('problem' in agents) return { ok: false, problem: agents.problem };
  const from = timeOf(params.get('from')!, 'from');
  if (typeof from === 'string') return { ok: false, problem: from };
  const to = timeOf(params.get('to')!, 'to');
  if (typeof to === 'string') return { ok: false, problem: to };
  if (from >= to) return { ok: false, problem: 'the start (from) must be before the end (to).' };
  const tzText = params.get('tz');
  if (tzText !== undefined && tzText !== 'local' && tzText !== 'utc') return { ok: false, problem: `tz “${clip(tzText)}” is neither local nor utc.` };
  return { ok: true, link: { kind, account, agents: agents.ids, from, to, ...(tzText ? { tz: tzText } : {}) } };
}

/**
 * The range rules of the palette and the panel (window ≤ 31 days, within the look-back, ending by
 * now on the server's clock), worded for a link; undefined when the range may be loaded.
 */
export function timelineLinkProblem(link: TimelineLink, now: number, tz: TimeZoneMode, lookBackMonths: number): string | undefined {
  const problem = customRangeProblem(link.from, link.to, now, tz, lookBackMonths);
  return problem && `its range is refused: ${problem}`;
}

function readQuery(query: string): { ok: true; params: Map<string, string> } | { ok: false; problem: string } {
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    let key: string, value: string;
    try {
      // no `+` → space here (URLSearchParams does that): `+01:00` in a time zone must survive
      key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      value = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1)).trim();
    } catch {
      return { ok: false, problem: `“${clip(part)}” is not correctly encoded.` };
    }
    if (params.has(key)) return { ok: false, problem: `“${clip(key)}” appears more than once.` };
    params.set(key, value);
  }
  return { ok: true, params };
}

function agentsOf(text: string): { ids: string[] | 'all' } | { problem: string } {
  if (text === 'all') return { ids: 'all' };
  const ids = text.split(',').map(s => s.trim());
  const bad = ids.find(id => !AGENT_ID.test(id));
  if (bad !== undefined) return { problem: bad ? `agents: “${clip(bad)}” is not an agent id.` : 'agents: an empty agent id (use comma-separated ids, or all).' };
  const unique = [...new Set(ids)];
  if (unique.length > MAX_LINK_AGENTS) return { problem: `agents: ${unique.length} agents — a link holds at most ${MAX_LINK_AGENTS} (or use all).` };
  return { ids: unique };
}

function timeOf(text: string, name: 'from' | 'to'): number | string {
  let t = NaN;
  if (EPOCH_MS.test(text)) t = Number(text);
  else if (ISO_WITH_ZONE.test(text)) t = calendarOk(text) ? Date.parse(text) : NaN;
  else return `${name} “${clip(text)}” is not a time: use ISO-8601 with a zone (2026-12-03T09:00:00Z) or epoch milliseconds.`;
  if (!Number.isFinite(t) || t > 8.64e15) return `${name} “${clip(text)}” is not a valid date.`;
  return t;
}

/** Date.parse rolls 30 Feb over to 2 March and takes 24:00: a link with either is a typo, not a time. */
function calendarOk(text: string): boolean {
  const [y, m, d, h, min] = [text.slice(0, 4), text.slice(5, 7), text.slice(8, 10), text.slice(11, 13), text.slice(14, 16)].map(Number);
  return m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d && h <= 23 && min <= 59;
}

function isoOf(t: number): string {
  return new Date(t).toISOString();
}

/** Readable links: `:` and `,` stay as they are (both are allowed in a query). */
function encodeValue(v: string): string {
  return encodeURIComponent(v).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
