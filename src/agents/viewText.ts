// The Live Agents view's description ("⏸ paused · filter: Away · 15 s ago") and message (partial
// answer — pages that failed, or LivePerson's shards — and failed refresh warnings). No `vscode` import. The description is cut at the sidebar's
// width, so the most important part comes first and it stays short; the account is not repeated
// here (the Status Reasons view above shows it, and the status bar's tooltip names it).
import { formatAgo, formatClock } from './format';

export interface DescriptionInput {
  filterText: string;
  updatedAt?: number;
  loading: boolean;
  paused: boolean;
  now: number;
}

export const PAUSED_MARK = '⏸ paused';

export function viewDescription(d: DescriptionInput): string {
  const parts: string[] = [];
  if (d.paused) parts.push(PAUSED_MARK);
  if (d.filterText) parts.push(d.filterText);
  if (d.updatedAt !== undefined) parts.push(formatAgo(d.now - d.updatedAt));
  else if (d.loading) parts.push('loading…');
  return parts.join(' · ');
}

export interface MessageInput {
  /** the last answer may be incomplete (pages failed, or LivePerson's shards answered partially) */
  partial: boolean;
  /** of the last answer: pages that failed after every retry, pages asked for, the agents they held (≈) */
  failedPages?: number;
  pages?: number;
  missingAgents?: number;
  /** agents that did arrive in the last answer */
  shown?: number;
  /** a page answered partialResult; when undefined: partial without failed pages */
  serverPartial?: boolean;
  /** agents kept from earlier answers because the partial answer did not mention them */
  staleKept: number;
  /** the last refresh failed (with data shown from an earlier one) */
  error?: { message: string; rateLimited: boolean };
  updatedAt?: number;
  nextTryAt?: number;
}

export function viewMessage(m: MessageInput): string {
  const parts: string[] = [];
  if (m.error) {
    const what = m.error.rateLimited ? 'LivePerson is throttling requests' : `Refresh failed: ${m.error.message}`;
    const showing = m.updatedAt !== undefined ? ` Showing data from ${formatClock(m.updatedAt)}.` : '';
    const next = m.nextTryAt !== undefined ? ` Next try at ${formatClock(m.nextTryAt)}.` : '';
    parts.push(`⚠ ${what}.${showing}${next}`);
  }
  if (m.partial) {
    const failed = m.failedPages ?? 0;
    const said: string[] = [];
    if (failed > 0) {
      said.push(`${count(failed)} of ${count(Math.max(failed, m.pages ?? 0))} pages failed (≈ ${plural(m.missingAgents ?? 0, 'agent')} missing); showing ${count(m.shown ?? 0)}.`);
      if (m.serverPartial) said.push('Some LivePerson servers did not answer either.');
    } else {
      said.push('some LivePerson servers did not answer, so the list may be incomplete.');
    }
    if (m.staleKept) said.push(`${plural(m.staleKept, 'agent')} missing from it ${m.staleKept === 1 ? 'is' : 'are'} kept and marked stale.`);
    parts.push(`⚠ Partial answer: ${said.join(' ')}`);
  }
  return parts.join(' ');
}

/** 23,000 — grouped in thousands whatever the machine's locale, as the README's figures */
function count(n: number): string {
  return n.toLocaleString('en-US');
}
function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}
