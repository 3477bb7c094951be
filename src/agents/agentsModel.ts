// The Live Agents model: the cache of every known agent of the active account, and the diff of
// each new answer against it. It owns no timers and no VS Code objects (no `vscode` import): the
// controller feeds it answers, the tree and the status bar read it.
import type { AllAgentsResult } from '../api/types';
import type { AgentState } from '../domain/agentState';
import { type AgentRow, EMPTY_LOOKUPS, markStale, type RowLookups, toAgentRow } from './agentRow';

/** What one answer changed. Ids are agent ids. */
export interface ModelDelta {
  added: string[];
  removed: string[];
  /** present before and after, with different visible data (incl. a new stale mark) */
  changed: string[];
  /** agents a partial answer did not mention, kept from earlier answers and marked stale */
  staleKept: number;
  partial: boolean;
}

export interface StateCounts {
  online: number;
  backSoon: number;
  away: number;
  offline: number;
  total: number;
  stale: number;
}

export interface AnswerInfo {
  at: number;
  partial: boolean;
  /** `_metadata.count` of the answer */
  count: number;
  pages: number;
  records: number;
  /** pages that failed after every retry, and the agents they held (≈) */
  failedPages: number;
  missingAgents: number;
  /** a page answered partialResult (LivePerson's shards) */
  serverPartial: boolean;
}

/** What `apply` reads of an answer (the failed-page fields default to none). */
export type ModelAnswer = Pick<AllAgentsResult, 'records' | 'partialResult' | 'count' | 'pages'> & Partial<Pick<AllAgentsResult, 'serverPartial' | 'failedPages' | 'missingAgents'>>;

type Listener = (delta: ModelDelta) => void;

export class AgentsModel {
  private rows = new Map<string, AgentRow>();
  private listeners = new Set<Listener>();
  private last: AnswerInfo | undefined;

  get size(): number {
    return this.rows.size;
  }
  get hasData(): boolean {
    return this.last !== undefined;
  }
  get lastAnswer(): AnswerInfo | undefined {
    return this.last;
  }
  /** the count to pass as `knownCount` so the next refresh can fetch every page at once */
  get knownCount(): number | undefined {
    return this.last?.count;
  }
  get(agentId: string): AgentRow | undefined {
    return this.rows.get(agentId);
  }
  all(): AgentRow[] {
    return [...this.rows.values()];
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Joins and diffs an answer. A complete answer replaces the set of agents (missing ones logged
   * out); a partial answer (`partialResult`: LivePerson's shards, or pages that failed after their
   * retries) NEVER drops an agent already known: it is kept as it was, marked stale, until a
   * complete answer settles it.
   */
  apply(result: ModelAnswer, lookups: RowLookups = EMPTY_LOOKUPS, at = Date.now()): ModelDelta {
    const next = new Map<string, AgentRow>();
    for (const rec of result.records) {
      const row = toAgentRow(rec, lookups, at);
      if (!row.connected) row.disconnectedSince = disconnectedSince(row, this.rows.get(row.agentId));
      next.set(row.agentId, row);
    }
    const delta: ModelDelta = { added: [], removed: [], changed: [], staleKept: 0, partial: result.partialResult };
    for (const [id, row] of next) {
      const old = this.rows.get(id);
      if (!old) delta.added.push(id);
      else if (old.fingerprint !== row.fingerprint) delta.changed.push(id);
    }
    for (const [id, old] of this.rows) {
      if (next.has(id)) continue;
      if (result.partialResult) {
        const kept = markStale(old);
        next.set(id, kept);
        delta.staleKept++;
        if (kept !== old) delta.changed.push(id);
      } else {
        delta.removed.push(id);
      }
    }
    this.rows = next;
    const failedPages = result.failedPages ?? 0;
    this.last = {
      at, partial: result.partialResult, count: result.count, pages: result.pages, records: result.records.length,
      failedPages, missingAgents: result.missingAgents ?? 0, serverPartial: result.serverPartial ?? (result.partialResult && failedPages === 0),
    };
    this.emit(delta);
    return delta;
  }

  /** Forget everything (sign-out, account switch). */
  clear(): ModelDelta {
    const delta: ModelDelta = { added: [], removed: [...this.rows.keys()], changed: [], staleKept: 0, partial: false };
    this.rows.clear();
    this.last = undefined;
    this.emit(delta);
    return delta;
  }

  counts(): StateCounts {
    const c: StateCounts = { online: 0, backSoon: 0, away: 0, offline: 0, total: 0, stale: 0 };
    for (const row of this.rows.values()) {
      c[row.state satisfies AgentState]++;
      c.total++;
      if (row.stale) c.stale++;
    }
    return c;
  }

  private emit(delta: ModelDelta): void {
    for (const l of [...this.listeners]) l(delta);
  }
}

/**
 * When a DISCONNECTED agent's disconnection started, as far as the answers tell (Agent Metrics has no
 * field for it): still disconnected → as before; connected in the previous answer → no earlier than
 * that answer (nor the current status start); first seen → the status start (the emulator, and a
 * fresh login, disconnect with a status change), else unknown (the limit then counts from the status).
 */
function disconnectedSince(row: AgentRow, prev: AgentRow | undefined): number | undefined {
  if (prev && !prev.connected) return prev.disconnectedSince;
  const statusStart = row.statusStart ?? (row.statusDurationAtAnswer !== undefined ? row.answeredAt - row.statusDurationAtAnswer : undefined);
  if (prev && prev.connected) return Math.max(prev.answeredAt, statusStart ?? prev.answeredAt);
  return statusStart;
}
