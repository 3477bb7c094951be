// Domain API (CSDS, liveperson-api.md §1): one all-services lookup per account, cached for a few
// minutes, forgotten (and so re-resolved) when a call to a returned host fails to connect. CSDS
// returns bare hosts; the scheme of the configured CSDS URL is used for every one of them (that is
// how the client talks to the emulator over http://127.0.0.1).
import { LivePersonError } from './errors';
import { APIS, badResponseError } from './httpErrors';
import type { Http } from './http';
import { buildUrl, withSignal } from './http';
import { redact } from './redact';

export type ServiceName =
  | 'agentVep'
  | 'accountConfigReadOnly'
  | 'accountConfigReadWrite'
  | 'msgHist'
  | 'agentManagerWorkspace'
  | 'agentActivityDomain'
  | (string & {});

export const DEFAULT_DOMAINS_MAX_AGE_MS = 5 * 60_000;

/** 127.0.0.0/8, ::1 and localhost: the only hosts a plain-http CSDS URL may name. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export class DomainResolver {
  private cache: { at: number; map: Map<string, string> } | undefined;
  private pending: Promise<Map<string, string>> | undefined;
  private readonly scheme: string;
  private readonly csdsBase: string;

  constructor(
    private readonly http: Http,
    readonly accountId: string,
    csdsUrl: string,
    private readonly maxAgeMs = DEFAULT_DOMAINS_MAX_AGE_MS,
  ) {
    let u: URL;
    try {
      u = new URL(csdsUrl);
    } catch {
      throw new LivePersonError(redact(`The CSDS URL “${csdsUrl}” is not a valid URL.`), 'validation', 'Set liveperson.csdsUrl to a URL such as https://api.liveperson.net.');
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new LivePersonError(redact(`The CSDS URL “${csdsUrl}” must start with http:// or https://.`), 'validation', 'Set liveperson.csdsUrl to a URL such as https://api.liveperson.net.');
    }
    if (u.username || u.password) {
      throw new LivePersonError('The CSDS URL must not contain a user name or password.', 'validation', 'Remove the “user:password@” part from liveperson.csdsUrl.');
    }
    if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) {
      throw new LivePersonError(
        redact(`Refusing plain http:// to ${u.hostname}: credentials would cross the network unencrypted.`),
        'validation',
        'Use an https:// CSDS URL (plain http is only for the emulator on this machine: 127.0.0.1 or localhost).',
      );
    }
    this.scheme = u.protocol.slice(0, -1);
    this.csdsBase = `${u.protocol}//${u.host}`;
  }

  /** `scheme://host` of one service of the account. */
  async baseUrl(service: ServiceName, signal?: AbortSignal): Promise<string> {
    const map = await this.all(signal);
    const host = map.get(service);
    if (!host) {
      throw new LivePersonError(
        redact(`CSDS has no “${service}” service for account ${this.accountId}.`),
        'notFound',
        'The account may not have this API enabled; check the account id and ask LivePerson to enable the service.',
      );
    }
    return `${this.scheme}://${host}`;
  }

  /** service name → host, cached. */
  async all(signal?: AbortSignal): Promise<Map<string, string>> {
    if (this.cache && this.http.now() - this.cache.at < this.maxAgeMs) return this.cache.map;
    if (!this.pending) {
      this.pending = this.lookup().finally(() => {
        this.pending = undefined;
      });
    }
    return withSignal(this.pending, signal);
  }

  /** Forget the cached hosts (after a connection error, so the next call asks CSDS again). */
  invalidate(): void {
    this.cache = undefined;
  }

  private async lookup(): Promise<Map<string, string>> {
    const url = buildUrl(this.csdsBase, `/api/account/${encodeURIComponent(this.accountId)}/service/baseURI.json`, { version: '1.0' });
    const res = await this.http.request<{ baseURIs?: unknown }>({ method: 'GET', url, api: APIS.csds });
    const list = res.body?.baseURIs;
    if (!Array.isArray(list)) throw badResponseError('a CSDS answer without baseURIs', res.status, { method: 'GET', path: new URL(url).pathname, api: APIS.csds });
    const map = new Map<string, string>();
    for (const item of list) {
      if (item && typeof item === 'object' && typeof item.service === 'string' && typeof item.baseURI === 'string') {
        map.set(item.service, item.baseURI.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, ''));
      }
    }
    if (map.size === 0) {
      throw new LivePersonError(
        redact(`CSDS returned no services for account ${this.accountId}.`),
        'notFound',
        'Check the account id (the “site id” of the LivePerson account).',
        res.status,
      );
    }
    this.cache = { at: this.http.now(), map };
    return map;
  }
}
