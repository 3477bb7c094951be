// The Agent Metrics account summary (liveperson-api.md §4.2, §9): the current pages give it on the
// agentManagerWorkspace service (`/manager_workspace/…/agent_view/summary`), the older ones on
// msgHist (`/messaging_history/…/agent-view/summary`). The first is tried first; the other is used
// when the account has no such service in CSDS (MissingServiceError) or its host answers 404 (the
// path is not there). Any other error — 401, 403, 429, 5xx, a lost answer — is the answer: it is
// thrown as it is, never hidden behind the other service. The service that answered is remembered
// for the client's lifetime (a client serves one account) and asked first from then on; an error
// from it forgets it, so the next call probes again.
import { finiteNumber, type ApiContext } from './apiContext';
import { isCancellation, LivePersonError, MissingServiceError } from './errors';
import { APIS, badResponseError } from './httpErrors';
import { redact } from './redact';
import type { AgentSummary, AgentSummaryResult, RequestOptions, SummarySource } from './types';

/** The services that serve the summary, in the order they are tried. */
export const SUMMARY_SOURCES: readonly SummarySource[] = ['agentManagerWorkspace', 'msgHist'];

export const SUMMARY_PATHS: Readonly<Record<SummarySource, string>> = {
  agentManagerWorkspace: '/manager_workspace/api/account/{account}/agent_view/summary',
  msgHist: '/messaging_history/api/account/{account}/agent-view/summary',
};

/** The body filters the summary takes (§4.2): string arrays, each left out when empty. */
export interface SummaryBody {
  status?: unknown;
  agentIds?: unknown;
  skillIds?: unknown;
  agentGroupIds?: unknown;
}

/** Not a failure of the call but "this service does not serve it": CSDS lacks it, or its host says 404. */
function isAbsent(e: unknown): e is LivePersonError {
  return e instanceof MissingServiceError || (e instanceof LivePersonError && e.kind === 'notFound' && e.status === 404);
}

export class AgentSummaries {
  /** the service that answered last (a client serves one account); undefined = probe, agentManagerWorkspace first */
  private known: SummarySource | undefined;

  constructor(private readonly ctx: ApiContext) {}

  async fetch(body: SummaryBody, opts: RequestOptions = {}): Promise<AgentSummaryResult> {
    const first = this.known;
    const order: SummarySource[] = first ? [first, ...SUMMARY_SOURCES.filter((s) => s !== first)] : [...SUMMARY_SOURCES];
    const absent: { source: SummarySource; error: LivePersonError }[] = [];
    for (const source of order) {
      try {
        const results = await this.ask(source, body, opts.signal);
        this.known = source;
        return { results, source };
      } catch (e) {
        if (!isCancellation(e) && this.known === source) this.known = undefined;
        if (!isAbsent(e)) throw e;
        absent.push({ source, error: e });
        const next = order[absent.length];
        if (next) this.ctx.http.logger.info(redact(`Agent Metrics summary: ${why(source, e)}; asking ${next} instead.`));
      }
    }
    throw this.unavailable(absent);
  }

  private async ask(source: SummarySource, body: SummaryBody, signal: AbortSignal | undefined): Promise<AgentSummary> {
    const path = SUMMARY_PATHS[source];
    const res = await this.ctx.call<Record<string, unknown>>({ service: source, method: 'POST', path, body, signal, api: APIS.agentMetrics });
    const results = res.body?.summaryResults;
    if (!results || typeof results !== 'object' || Array.isArray(results)) {
      throw badResponseError('a summary without summaryResults', res.status, { method: 'POST', path: this.ctx.path(path), api: APIS.agentMetrics });
    }
    const out: AgentSummary = {};
    for (const [k, v] of Object.entries(results as Record<string, unknown>)) {
      const n = finiteNumber(v);
      if (n !== undefined) out[k] = n;
    }
    return out;
  }

  private unavailable(absent: readonly { source: SummarySource; error: LivePersonError }[]): MissingServiceError {
    const services = absent.map((a) => a.source);
    return new MissingServiceError(
      redact(`The Agent Metrics summary is not available for account ${this.ctx.accountId}: ${absent.map((a) => why(a.source, a.error)).join('; ')}.`),
      services,
      `Ask LivePerson to enable Agent Metrics for this account (the ${services.join(' or ')} service), and check the account id.`,
      absent.find((a) => a.error.status !== undefined)?.error.status,
    );
  }
}

function why(source: SummarySource, e: LivePersonError): string {
  return e instanceof MissingServiceError ? `CSDS lists no “${source}” service` : `the ${source} host answered 404 to ${e.request ?? SUMMARY_PATHS[source]}`;
}
