// The one interface behind the three ways to authenticate (login session, OAuth 1.0a key, bearer).
// http.ts calls `authorize` before EVERY attempt (OAuth 1.0a needs a fresh nonce and signature each
// time) and `onUnauthorized` once when an answer is 401; if that returns true the call is retried once.
import type { Credentials } from '../types';

/** A request about to be sent; `authorize` adds headers to it. */
export interface OutgoingRequest {
  method: string;
  /** absolute URL including the query string (OAuth 1.0a signs the query parameters) */
  url: string;
  headers: Record<string, string>;
}

export interface Authorizer {
  readonly kind: Credentials['kind'];
  /** Adds `Authorization` (logging in first if needed). */
  authorize(request: OutgoingRequest, opts?: { signal?: AbortSignal }): Promise<void>;
  /**
   * A call answered 401. Returns true when fresh credentials were obtained (a login session logs in
   * again — once, shared by concurrent callers) so the call is worth one retry; false otherwise.
   */
  onUnauthorized(failed: OutgoingRequest, opts?: { signal?: AbortSignal }): Promise<boolean>;
  /** Stops timers and ends the session (logout). Safe to call twice. */
  dispose(): Promise<void>;
}
