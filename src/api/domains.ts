// Domain API (CSDS, liveperson-api.md §1): one all-services lookup per account, cached for a few
// minutes, forgotten (and so re-resolved) when a call to a returned host fails to connect. CSDS
// returns bare hosts. Each is checked before any credential goes to it (serviceHostProblem): a plain
// hostname[:port] (an https:// prefix is tolerated — http:// only from a CSDS on this machine — any
// other scheme refused); from a CSDS on this machine (the emulator, plain http) only hosts on it. A host gets http only when it and
// the CSDS URL (plain http, so loopback) are both on this machine, otherwise https.
import { LivePersonError, MissingServiceError } from './errors';
import { APIS, badResponseError } from './httpErrors';
import type { Http } from './http';
import { buildUrl, SharedCall } from './http';
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
  private readonly lookups = new SharedCall(() => this.lookup());
  /** services whose CSDS entry was refused → why */
  private refused = new Map<string, string>();
  private readonly csdsIsLocal: boolean;
  private readonly csdsPlainHttp: boolean;
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
    this.csdsIsLocal = isLoopbackHost(u.hostname);
    this.csdsPlainHttp = u.protocol === 'http:';
    this.csdsBase = `${u.protocol}//${u.host}`;
  }

  /**
   * `scheme://host` of one service of the account. A service CSDS does not list → MissingServiceError
   * (kind notFound); one CSDS pointed somewhere refused → a `badResponse` LivePersonError (notSent).
   */
  async baseUrl(service: ServiceName, signal?: AbortSignal): Promise<string> {
    const map = await this.all(signal);
    const host = map.get(service);
    if (!host) {
      const refused = this.refused.get(service);
      if (refused) {
        throw notSent(new LivePersonError(
          redact(`CSDS pointed the “${service}” service of account ${this.accountId} at ${refused}; nothing was sent there.`),
          'badResponse',
          this.csdsIsLocal
            ? 'A CSDS on this machine (the emulator) may only name hosts on this machine. Check liveperson.csdsUrl and the emulator.'
            : 'This is not a LivePerson service host. Check liveperson.csdsUrl; if it is right, report the CSDS answer to LivePerson support.',
        ));
      }
      throw new MissingServiceError(
        redact(`CSDS has no “${service}” service for account ${this.accountId}.`),
        [service],
        'The account may not have this API enabled; check the account id and ask LivePerson to enable the service.',
      );
    }
    return `${this.csdsPlainHttp && isLoopbackHost(hostnameOf(host)) ? 'http' : 'https'}://${host}`;
  }

  /** service name → host, cached. */
  async all(signal?: AbortSignal): Promise<Map<string, string>> {
    if (this.cache && this.http.now() - this.cache.at < this.maxAgeMs) return this.cache.map;
    return this.lookups.join(signal);
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
    const refused = new Map<string, string>();
    for (const item of list) {
      if (item && typeof item === 'object' && typeof item.service === 'string' && typeof item.baseURI === 'string') {
        const problem = serviceHostProblem(item.baseURI, this.csdsIsLocal);
        if (problem) refused.set(item.service, problem);
        else map.set(item.service, item.baseURI.replace(/^https?:\/\//i, '').replace(/\/+$/, '').toLowerCase());
      }
    }
    for (const [service, why] of refused) this.http.logger.warn(redact(`CSDS: refused the “${service}” entry: ${why}`));
    this.refused = refused;
    if (map.size === 0 && refused.size === 0) {
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

/** `host` of `host[:port]` (brackets of an IPv6 literal kept off). */
function hostnameOf(hostPort: string): string {
  const v6 = /^\[([^\]]+)\]/.exec(hostPort);
  return v6 ? v6[1] : hostPort.replace(/:\d+$/, '');
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Why a CSDS `baseURI` must not be used, or undefined when it is a plain `hostname[:port]` (an
 * `https://` prefix — `http://` from a local CSDS — and a trailing `/` tolerated). From a CSDS on
 * this machine only loopback hosts.
 */
export function serviceHostProblem(baseURI: string, csdsIsLocal: boolean): string | undefined {
  const shown = `“${baseURI.slice(0, 80)}${baseURI.length > 80 ? '…' : ''}”`;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(baseURI)?.[1].toLowerCase();
  // http:// only from a CSDS on this machine (and then only to this machine, checked below)
  if (scheme && scheme !== 'https' && !(scheme === 'http' && csdsIsLocal)) return `${shown}, which asks for the ${scheme}: scheme (only https is used)`;
  const hostPort = baseURI.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  const m = /^(\[::1\]|[^:/?#@\[\]\\\s]+)(?::(\d{1,5}))?$/.exec(hostPort);
  const port = m?.[2] === undefined ? undefined : Number(m[2]);
  if (!m || (m[1] !== '[::1]' && !HOSTNAME.test(m[1])) || (port !== undefined && (port < 1 || port > 65535))) {
    return `${shown}, which is not a plain host name with an optional port`;
  }
  if (csdsIsLocal && !isLoopbackHost(m[1])) return `${shown}, a host that is not on this machine`;
  return undefined;
}

/** Marks an error raised before the request was sent (a write's outcome is then known: not applied). */
function notSent(e: LivePersonError): LivePersonError {
  e.notSent = true;
  return e;
}
