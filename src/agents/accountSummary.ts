// The account summary at the top of Live Agents (as the Manager Workspace's activity summary):
// logged in, online rate, average load, open conversations, slots busy/max, agents over limit.
// From LivePerson's Agent Metrics summary when the account has it (agentManagerWorkspace, else
// msgHist), else computed from the agents already fetched; the tooltip says which. Slots busy/max
// are always from the agents (the summary API has no such totals). No `vscode` import.
import type { AgentSummaryResult } from '../api/types';
import { MissingServiceError } from '../api/errors';
import type { AgentRow } from './agentRow';
import { escapeMarkdown, formatClock, formatLoad } from './format';

export interface AccountSummary {
  loggedIn: number;
  online: number;
  backSoon: number;
  away: number;
  /** 0–1 (undefined: nobody logged in) */
  onlineRate?: number;
  avgLoad?: number;
  open: number;
  busySlots: number;
  maxSlots: number;
  overLimit: number;
  /** where the counts, load and open conversations came from */
  source: 'agentManagerWorkspace' | 'msgHist' | 'computed';
  /** why it was computed (the service is missing, the call failed) */
  note?: string;
  at: number;
}

/** The summary from the agents in memory (and the server's numbers when given). */
export function accountSummary(rows: readonly AgentRow[], overLimit: number, at: number, server?: AgentSummaryResult, note?: string): AccountSummary {
  let online = 0, backSoon = 0, away = 0, open = 0, busy = 0, max = 0, loggedIn = 0;
  for (const r of rows) {
    if (r.state === 'offline' || r.stale) continue;
    loggedIn++;
    if (r.state === 'online') online++;
    else if (r.state === 'backSoon') backSoon++;
    else away++;
    open += r.openConversations ?? 0;
    busy += r.busySlots ?? 0;
    max += r.maxSlots ?? 0;
  }
  const s = server?.results;
  if (s && s.numOnlineAgents !== undefined) {
    const on = s.numOnlineAgents, bs = s.numBackSoonAgents ?? 0, aw = s.numAwayAgents ?? 0;
    const total = on + bs + aw;
    return {
      loggedIn: total, online: on, backSoon: bs, away: aw, onlineRate: total ? on / total : undefined, avgLoad: s.weightedAvgLoad,
      open: s.openAssignedConversations ?? open, busySlots: busy, maxSlots: max, overLimit, source: server!.source, at,
    };
  }
  return {
    loggedIn, online, backSoon, away, onlineRate: loggedIn ? online / loggedIn : undefined, avgLoad: max ? open / max : undefined,
    open, busySlots: busy, maxSlots: max, overLimit, source: 'computed', note, at,
  };
}

const pct = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x * 100)}%`);

export function summaryLabel(s: AccountSummary): string {
  return `${s.loggedIn} logged in · ${pct(s.onlineRate)} online`;
}

export function summaryDescription(s: AccountSummary): string {
  return [`load ${formatLoad(s.avgLoad) ?? '—'}`, `${s.open} open`, `slots ${s.busySlots}/${s.maxSlots}`, ...(s.overLimit ? [`${s.overLimit} over limit`] : [])].join(' · ');
}

export function summaryAriaLabel(s: AccountSummary): string {
  return `Account summary: ${s.loggedIn} logged in, ${pct(s.onlineRate)} online, average load ${formatLoad(s.avgLoad) ?? 'unknown'}, ${s.open} open conversations, ${s.busySlots} of ${s.maxSlots} slots busy, ${s.overLimit} over limit`;
}

const SOURCE_TEXT: Record<AccountSummary['source'], string> = {
  agentManagerWorkspace: 'LivePerson’s Agent Metrics summary (agentManagerWorkspace)',
  msgHist: 'LivePerson’s Agent Metrics summary (msgHist)',
  computed: 'computed from the agents fetched',
};

export function summaryTooltipMarkdown(s: AccountSummary): string {
  const lines = [
    '**Account summary**',
    '',
    '| | |',
    '|---|---|',
    `| Logged in | ${s.loggedIn} (${s.online} online · ${s.backSoon} back soon · ${s.away} away) |`,
    `| Online rate | ${pct(s.onlineRate)} |`,
    `| Average load | ${formatLoad(s.avgLoad) ?? '—'} |`,
    `| Open conversations | ${s.open} |`,
    `| Slots busy / max | ${s.busySlots} / ${s.maxSlots} |`,
    `| Over time limit | ${s.overLimit} |`,
    '',
    `Counts, load and open conversations: ${SOURCE_TEXT[s.source]}${s.note ? ` — ${escapeMarkdown(s.note)}` : ''}. Slots and over-limit: from the agents fetched. As of ${formatClock(s.at)}.`,
  ];
  return lines.join('\n');
}

/**
 * Asks LivePerson for the summary alongside each refresh. An account without the service is not
 * asked again for 10 minutes (the summary is computed meanwhile); a failed call is computed too and
 * says why. Never throws: the summary must not fail a refresh.
 */
export class SummaryFetcher {
  private unavailableUntil = 0;
  private unavailableNote = '';

  constructor(private readonly now: () => number) {}

  async fetch(client: { agentMetrics: { summary(f: object, o: { signal?: AbortSignal }): Promise<AgentSummaryResult> } }, signal: AbortSignal): Promise<{ server?: AgentSummaryResult; note?: string }> {
    if (this.now() < this.unavailableUntil) return { note: this.unavailableNote };
    try {
      return { server: await client.agentMetrics.summary({}, { signal }) };
    } catch (e) {
      if (e instanceof MissingServiceError) {
        this.unavailableUntil = this.now() + 10 * 60_000;
        this.unavailableNote = 'this account has no Agent Metrics summary service';
        return { note: this.unavailableNote };
      }
      return { note: `the summary call failed (${e instanceof Error ? e.message : String(e)})` };
    }
  }

  /** a new account: ask again */
  reset(): void {
    this.unavailableUntil = 0;
  }
}
