// Redaction of secrets from any text that may reach a log line, an error message or a webview:
// Authorization headers (Bearer / OAuth), bearer and csrf values, passwords, OAuth secrets and
// tokens in JSON bodies, query strings and cookies. Extra known secrets can be registered per
// session (e.g. the exact password typed) so they are masked wherever they appear.
const MASK = '‹redacted›';

const SECRET_FIELDS = 'password|secret|bearer|csrf|accessTokenSecret|accessToken|access_token|appKey|client_secret|token|tokenSecret|oauth_signature|oauth_token|oauth_consumer_key|Session_id|sessionId';

const PATTERNS: RegExp[] = [
  // Authorization: Bearer xxx / OAuth k="v", ...  (header lines and header objects)
  /(authorization["']?\s*[:=]\s*["']?)(bearer|oauth)\s+[^\r\n"']+/gi,
  /\b(bearer)\s+[A-Za-z0-9._~+/=-]{6,}/gi,
  // JSON / form / query / OAuth-header fields carrying secrets. A quoted value is masked up to its
  // closing quote (a password may hold spaces, commas or escaped quotes); `\"` opens a value inside
  // JSON that was itself put in a JSON string (a logged header object).
  new RegExp(
    `(["']?(?:${SECRET_FIELDS})\\\\?["']?\\s*[:=]\\s*)(?:(\\\\")(?:[^"\\\\\\r\\n]|\\\\[^"])*|(")(?:\\\\.|[^"\\\\\\r\\n])*|(')(?:\\\\.|[^'\\\\\\r\\n])*|([^"'&,\\s;}]+))`,
    'gi',
  ),
  // Cookie headers
  /((?:set-)?cookie["']?\s*[:=]\s*["']?)[^\r\n"']+/gi,
];

const known = new Set<string>();

/** Mask this exact value wherever it appears from now on (values shorter than 4 characters are ignored). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) known.add(value);
}
export function forgetSecret(value: string | undefined): void {
  if (value) known.delete(value);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(MASK);
  // Fields first: the Authorization rule below masks only up to the first quote of an OAuth header,
  // which would otherwise take the `oauth_consumer_key=` in front of the first value with it.
  out = out.replace(PATTERNS[2], (_m, head: string, q1?: string, q2?: string, q3?: string) => `${head}${q1 ?? q2 ?? q3 ?? ''}${MASK}`);
  out = out.replace(PATTERNS[0], (_m, head: string) => `${head}${MASK}`);
  out = out.replace(PATTERNS[1], (_m, word: string) => `${word} ${MASK}`);
  out = out.replace(PATTERNS[3], (_m, head: string) => `${head}${MASK}`);
  return out;
}
