// Redaction of secrets from any text that may reach a log line, an error message or a webview:
// Authorization headers (Bearer / OAuth / Basic), bearer and csrf values, passwords, OAuth secrets
// and tokens in JSON bodies, query strings and cookies. Extra known secrets can be registered per
// session (e.g. the exact password typed) so they are masked wherever they appear — raw and in
// every form a server may echo them in: percent-encoded (either hex case, encodeURIComponent,
// encodeURI or form style with `+` for space), JSON-escaped (`\/`, `\"`, `\\`, `\uXXXX`, fully
// \u-escaped), HTML-escaped, and base64 / base64url (alone or inside a larger base64 value such as
// a Basic credential, which is then masked whole).
const MASK = '‹redacted›';

const SECRET_FIELDS = 'password|passwd|secret|bearer|csrf|accessTokenSecret|accessToken|access_token|appKey|api_?key|client_secret|token|tokenSecret|oauth_signature|oauth_token|oauth_consumer_key|Session_id|sessionId';

/** Masks `(head)value` keeping the head. */
const keepHead = (_m: string, head: string) => `${head}${MASK}`;

// Authorization: Bearer xxx / OAuth k="v", ... / Basic xxx (header lines and header objects)
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?)(bearer|oauth|basic)\s+[^\r\n"']+/gi;
// a bare "Bearer <token>" outside a header (6+ characters: "bearer token" in a label is not one)
const BARE_BEARER = /\b(bearer)\s+[A-Za-z0-9._~+/=-]{6,}/gi;
// a bare "Basic <base64>" outside a header: masked when it decodes to user:password
const BARE_BASIC = /\b(basic)\s+([A-Za-z0-9+/_-]{4,}={0,2})/gi;
// JSON / form / query / OAuth-header fields carrying secrets. A quoted value is masked up to its
// closing quote (a password may hold spaces, commas or escaped quotes); `\"` opens a value inside
// JSON that was itself put in a JSON string (a logged header object). Any length: a 2-character
// password in `password=ab` is masked too.
const FIELD = new RegExp(
  `(["']?(?:${SECRET_FIELDS})\\\\?["']?\\s*[:=]\\s*)(?:(\\\\")(?:[^"\\\\\\r\\n]|\\\\[^"])*|(")(?:\\\\.|[^"\\\\\\r\\n])*|(')(?:\\\\.|[^'\\\\\\r\\n])*|([^"'&,\\s;}]+))`,
  'gi',
);
// Cookie headers
const COOKIE = /((?:set-)?cookie["']?\s*[:=]\s*["']?)[^\r\n"']+/gi;

// ---- registered secrets -------------------------------------------------------------------

/** A regex source matching one hex digit in either case. */
const hexDigit = (d: string) => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d);
const hex = (n: number, width: number) => [...n.toString(16).padStart(width, '0')].map(hexDigit).join('');
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

// JSON escapes, as regex sources after the backslash(es): one backslash, or 3, 7… when the JSON
// was itself put in a JSON string (a logged body); up to three levels. A JSON body that was then
// percent-encoded (an echoed request body) has `%5C` for the backslash and `%22` for the quote.
const JSON_SHORT: Record<string, string> = { '"': '(?:"|%22)', '\\': '(?:\\\\|%5[cC])', '/': '(?:\\/|%2[fF])', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't' };
const ESCAPE = '(?:\\\\|%5[cC]){1,7}';
/** the same for a letter or digit written `\u00HH` (not percent-encoded: nobody escapes those twice) */
const BACKSLASHES = '\\\\{1,7}';
/** HTML entities (regex sources) an HTML error page may echo a character as. */
const HTML: Record<string, string[]> = { '&': ['&amp;'], '<': ['&lt;'], '>': ['&gt;'], '"': ['&quot;', '&#34;'], "'": ['&#39;', '&#[xX]27;', '&apos;'], '/': ['&#[xX]2[fF];', '&#47;'] };

/**
 * A regex source matching one character of a secret in any of its echoed forms: raw, `%HH` of its
 * UTF-8 bytes (either case; `+` for a space), JSON escapes (short, `\uXXXX` in either case) and
 * HTML entities. Letters and digits are rarely escaped: raw or `\u00HH` only.
 */
function charForms(ch: string): string {
  const forms = [escapeRegex(ch)];
  // \uXXXX of each UTF-16 unit (a character outside the BMP is a surrogate pair)
  const alphanumeric = /^[A-Za-z0-9]$/.test(ch);
  forms.push([...Array(ch.length).keys()].map(i => `${alphanumeric ? BACKSLASHES : ESCAPE}u${hex(ch.charCodeAt(i), 4)}`).join(''));
  if (alphanumeric) return `(?:${forms.join('|')})`;
  forms.push([...Buffer.from(ch, 'utf8')].map(b => `%${hex(b, 2)}`).join(''));
  if (ch === ' ') forms.push('\\+');
  if (JSON_SHORT[ch]) forms.push(`${ESCAPE}${JSON_SHORT[ch]}`);
  for (const entity of HTML[ch] ?? []) forms.push(entity);
  return `(?:${forms.join('|')})`;
}

/** The base64 characters that depend on the secret's bytes only, at each of the 3 byte offsets it may start at. */
function base64Cores(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return json === secret ? base64CoresOf(secret) : [...base64CoresOf(secret), ...base64CoresOf(json)];
}
/** (of the secret as written, and JSON-escaped: the base64 of an echoed JSON body) */
function base64CoresOf(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const cores: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const from = Math.ceil((8 * k) / 6);
    const to = Math.floor((8 * (k + bytes.length)) / 6);
    const core = encoded.slice(from, to);
    if (core.length >= 4) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

interface Compiled {
  /** every echoed text form of every secret, longest secret first */
  text: RegExp | undefined;
  /** base64 / base64url cores of every secret */
  base64: RegExp | undefined;
}

const known = new Set<string>();
let compiled: Compiled = { text: undefined, base64: undefined };

function compile(): void {
  const secrets = [...known].sort((a, b) => b.length - a.length);
  const text = secrets.map(s => [...s].map(charForms).join(''));
  const cores = [...new Set(secrets.flatMap(base64Cores))].sort((a, b) => b.length - a.length).map(escapeRegex);
  compiled = {
    text: text.length ? new RegExp(text.join('|'), 'g') : undefined,
    base64: cores.length ? new RegExp(cores.join('|'), 'g') : undefined,
  };
}

/** Mask this value, in every encoding, wherever it appears from now on (values shorter than 4 characters are ignored: field rules mask those). */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 4 || known.has(value)) return;
  known.add(value);
  compile();
}
/** Stops masking the value and all its encoded forms. */
export function forgetSecret(value: string | undefined): void {
  if (value && known.delete(value)) compile();
}

const isBase64Char = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 45 || c === 95;

/** Masks every whole base64 run (with its `=` padding) that holds the base64 of a registered secret. */
function maskBase64(text: string, cores: RegExp): string {
  const ranges: [number, number][] = [];
  cores.lastIndex = 0;
  for (let m = cores.exec(text); m; m = cores.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start > 0 && isBase64Char(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isBase64Char(text.charCodeAt(end))) end++;
    while (end < text.length && text.charCodeAt(end) === 61) end++;
    ranges.push([start, end]);
    cores.lastIndex = end;
  }
  if (!ranges.length) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s) + MASK;
    at = e;
  }
  return out + text.slice(at);
}

function decodesToCredential(value: string): boolean {
  const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  return /^[\x20-\x7e\u00a0-\u00ff]+:/.test(decoded);
}

export function redact(text: string): string {
  let out = text;
  if (compiled.text) out = out.replace(compiled.text, MASK);
  if (compiled.base64) out = maskBase64(out, compiled.base64);
  // Fields first: the Authorization rule below masks only up to the first quote of an OAuth header,
  // which would otherwise take the `oauth_consumer_key=` in front of the first value with it.
  out = out.replace(FIELD, (_m, head: string, q1?: string, q2?: string, q3?: string) => `${head}${q1 ?? q2 ?? q3 ?? ''}${MASK}`);
  out = out.replace(AUTHORIZATION, (_m, head: string, scheme: string) => `${head}${scheme} ${MASK}`);
  out = out.replace(BARE_BEARER, (_m, word: string) => `${word} ${MASK}`);
  out = out.replace(BARE_BASIC, (m, word: string, value: string) => (decodesToCredential(value) ? `${word} ${MASK}` : m));
  out = out.replace(COOKIE, keepHead);
  return out;
}

const SECRET_KEY = new RegExp(`^(?:${SECRET_FIELDS})$`, 'i');

/**
 * A copy of a JSON value with secrets masked, for showing a whole payload (Open as JSON): the value
 * of every field named like a secret (password, csrf, token, OAuth secrets…) becomes the mask, at
 * any depth, and every other string goes through `redact` — so the result is still valid JSON.
 */
export function redactJson(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redact(k)] = SECRET_KEY.test(k) ? MASK : redactJson(v);
    return out;
  }
  return value;
}
