// Typed errors of the LivePerson API layer. Every message is already redacted (see redact.ts) and
// carries a `hint`: the next action a user can take. The UI shows `message` + `hint`.

export type ErrorKind =
  | 'auth' // 401: credentials wrong or session gone → sign in again
  | 'permission' // 403: the user/key lacks a permission
  | 'notFound' // 404: unknown account, service or object
  | 'conflict' // 409/412: stale revision or duplicate → reload and retry
  | 'validation' // 400 (server) or refused before sending (client)
  | 'rateLimit' // 429 after retries
  | 'server' // 5xx after retries
  | 'badResponse' // HTML page, empty or truncated body where JSON was expected
  | 'network' // connection refused/reset, DNS
  | 'timeout'
  | 'outcomeUnknown' // a write's answer was lost and the server could not be asked → Refresh, never a blind retry
  | 'partlyApplied' // a bulk create's answer was lost; read back, the server holds some of it
  | 'cancelled';

export class LivePersonError extends Error {
  override readonly name: string = 'LivePersonError';
  /** rateLimit only: how long the server asked to wait (Retry-After, at least the policy minimum), in ms */
  retryAfterMs?: number;
  /** the request was retried after a 5xx: an earlier attempt may have been applied by the server */
  afterServerError?: boolean;
  /** the request never reached the server (connection refused, DNS, a host refused before sending) */
  notSent?: boolean;
  /** a write whose answer was lost, and the server was read afterwards: it does not hold the change */
  notApplied?: boolean;
  constructor(
    message: string,
    readonly kind: ErrorKind,
    readonly hint: string,
    readonly status?: number,
    /** LivePerson's own causes (400 bodies), already redacted */
    readonly causes: readonly string[] = [],
    /** method + URL path of the request, redacted, for the log */
    readonly request?: string,
  ) {
    super(message);
  }
}

export class ConflictError extends LivePersonError {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    status: number,
    request?: string,
    causes: readonly string[] = [],
    hint = 'Someone else changed this account’s configuration. Reload and try again on the fresh data.',
  ) {
    super(message, 'conflict', hint, status, causes, request);
  }
}

/** Input refused before anything was sent (reason text rules, Agent Activity range rules). */
export class ValidationError extends LivePersonError {
  override readonly name: string = 'ValidationError';
  constructor(message: string, causes: readonly string[] = [], hint = 'Correct the input and try again.') {
    super(message, 'validation', hint, undefined, causes);
  }
}

/** An Agent Activity range that the API would refuse (to ≤ from, older than the look-back limit). */
export class RangeRuleError extends ValidationError {
  override readonly name = 'RangeRuleError';
  constructor(message: string, hint = 'Pick a range that ends after it starts and lies within the last 6 months.') {
    super(message, [], hint);
  }
}

/**
 * A write whose answer was lost (timeout, reset, cut-off or unreadable body, 5xx) and whose outcome
 * could not be read back either: it may or may not have been applied. The user is told exactly that
 * and offered Refresh — a retry could apply it twice.
 */
export class OutcomeUnknownError extends LivePersonError {
  override readonly name = 'OutcomeUnknownError';
  constructor(what: string, readonly lostAnswer: LivePersonError, readonly readError: unknown) {
    super(
      `The answer to “${what}” was lost (${lostAnswer.message.replace(/\.$/, '')}), and reading the status reasons back failed too, so the change may have been applied.`,
      'outcomeUnknown',
      'Refresh the list to see whether it was before trying again.',
      lostAnswer.status,
      lostAnswer.causes,
      lostAnswer.request,
    );
  }
}

/** A bulk create whose answer was lost: the server holds some of the reasons sent and not others. */
export class PartlyAppliedError extends LivePersonError {
  override readonly name = 'PartlyAppliedError';
  constructor(
    /** what the server now holds, in the order sent */
    readonly created: readonly { id: string; text: string }[],
    /** the texts it does not hold */
    readonly missing: readonly string[],
    cause: LivePersonError,
  ) {
    super(
      `The answer to the bulk create was lost (${cause.message.replace(/\.$/, '')}). Read back: ${created.length} of ${created.length + missing.length} exist now (${created.map(c => `“${c.text}”`).join(', ')}); not created: ${missing.map(t => `“${t}”`).join(', ')}.`,
      'partlyApplied',
      'The list was reloaded; create the missing ones again.',
      cause.status,
      cause.causes,
      cause.request,
    );
  }
}

/**
 * The account has no such service: CSDS does not list it (DomainResolver.baseUrl), or — for a call
 * with a fallback (the Agent Metrics summary) — none of the services it can use answers. Callers
 * that can use another service decide by this class, never by the message.
 */
export class MissingServiceError extends LivePersonError {
  override readonly name = 'MissingServiceError';
  constructor(
    message: string,
    /** the services that are missing (one, or every one a fallback tried) */
    readonly services: readonly string[],
    hint: string,
    status?: number,
  ) {
    super(message, 'notFound', hint, status);
  }
}

export class CancelledError extends LivePersonError {
  override readonly name = 'CancelledError';
  constructor() {
    super('Cancelled.', 'cancelled', '');
  }
}

export function isCancellation(e: unknown): boolean {
  return e instanceof CancelledError || (e instanceof Error && e.name === 'AbortError');
}
