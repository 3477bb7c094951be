// Id → name tables (liveperson-api.md §6, §7): users, skills, groups and status reasons (deleted ones
// included, so old activity still shows a reason's text), loaded together, cached for `maxAgeMs`
// (default 5 minutes); concurrent loads share one set of calls.
import type { Directory } from './directory';
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
      this.loading = this.fetch(opts.signal)
        .then((t) => {
          if (gen === this.generation) this.tables = t;
          return t;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }

  invalidate(): void {
    this.generation++;
    this.tables = undefined;
  }

  private async fetch(signal?: AbortSignal): Promise<LookupTables> {
    const [users, skills, groups, reasons] = await Promise.all([
      this.directory.users.list({ includeDeleted: true, signal }),
      this.directory.skills.list({ includeDeleted: true, signal }),
      this.directory.agentGroups.list({ includeDeleted: true, signal }),
      this.reasons.list({ includeDeleted: true, signal }),
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
