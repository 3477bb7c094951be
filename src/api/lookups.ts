// Id → name tables (liveperson-api.md §6, §7): users, skills, groups and status reasons (deleted ones
// included, so old activity still shows a reason's text), loaded together, cached for `maxAgeMs`
// (default 5 minutes); concurrent loads share one set of calls (a caller that cancels stops waiting;
// the load itself completes and fills the cache for the next caller).
import type { Directory } from './directory';
import { withSignal } from './http';
import type { StatusReasons } from './statusReasons';
import type { LookupTables, Lookups, RequestOptions } from './types';

export const DEFAULT_LOOKUPS_MAX_AGE_MS = 5 * 60_000;

export class CachedLookups implements Lookups {
  private tables: LookupTables | undefined;
  private loading: Promise<LookupTables> | undefined;
  private generation = 0;

  constructor(
    private readonly directory: Directory,
    private readonly reasons: StatusReasons,
    private readonly now: () => number,
  ) {}

  async load(opts: RequestOptions & { maxAgeMs?: number } = {}): Promise<LookupTables> {
    const maxAge = opts.maxAgeMs ?? DEFAULT_LOOKUPS_MAX_AGE_MS;
    if (this.tables && this.now() - this.tables.loadedAt < maxAge) return this.tables;
    if (!this.loading) {
      const gen = this.generation;
      this.loading = this.fetch()
        .then((t) => {
          if (gen === this.generation) this.tables = t;
          return t;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return withSignal(this.loading, opts.signal);
  }

  invalidate(): void {
    this.generation++;
    this.tables = undefined;
  }

  private async fetch(): Promise<LookupTables> {
    const [users, skills, groups, reasons] = await Promise.all([
      this.directory.users.list({ includeDeleted: true }),
      this.directory.skills.list({ includeDeleted: true }),
      this.directory.agentGroups.list({ includeDeleted: true }),
      this.reasons.list({ includeDeleted: true }),
    ]);
    return {
      users: new Map(users.map((u) => [u.id, u])),
      skills: new Map(skills.map((s) => [s.id, s])),
      groups: new Map(groups.map((g) => [g.id, g])),
      reasons: new Map(reasons.items.map((r) => [r.id, r])),
      loadedAt: this.now(),
    };
  }
}
