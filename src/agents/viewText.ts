// The Live Agents view's description ("⏸ paused · filter: Away · 15 s ago") and message (partial
// answer / failed refresh warnings). No `vscode` import. The description is cut at the sidebar's
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
  partial: boolean;
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
    parts.push(
      `⚠ Partial answer: some LivePerson servers did not answer, so the list may be incomplete.${m.staleKept ? ` ${m.staleKept} agent${m.staleKept === 1 ? '' : 's'} missing from it ${m.staleKept === 1 ? 'is' : 'are'} kept and marked stale.` : ''}`,
    );
  }
  return parts.join(' ');
}
