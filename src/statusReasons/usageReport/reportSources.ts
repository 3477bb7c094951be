// Where the report's usage comes from: the feature's shared source (the one the tree and the
// delete confirmation use) when it computes hours in the zone asked for, else a source of the
// report's own for that zone (cached per account and range for the session like the shared one,
// cleared with it on an account change). No `vscode` here.
import type { LivePersonClient } from '../../api/types';
import type { ReportRange, ReportZone } from '../../shared/usageReportProtocol';
import { ReasonUsageSource, type UsageAsk, type UsageResult } from '../usage/usageSource';

export const ianaZone = (zone: ReportZone): string => (zone === 'utc' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone);

export class ReportSources {
  private readonly own = new Map<string, ReasonUsageSource>();

  /** `sharedZone()`: the zone the shared source computes hours in now ('UTC' or an IANA name) */
  constructor(private readonly shared: ReasonUsageSource, private readonly sharedZone: () => string) {}

  async get(client: LivePersonClient, range: ReportRange, zone: ReportZone, ask: UsageAsk): Promise<UsageResult> {
    const want = ianaZone(zone);
    if (this.sharedZone() === want) {
      const r = await this.shared.get(client, range, ask);
      if (r.timeZone === want) return r;
      // computed before the time-zone setting changed: ask again, fresh
      const again = await this.shared.get(client, range, { ...ask, fresh: true });
      if (again.timeZone === want) return again;
    }
    let source = this.own.get(want);
    if (!source) this.own.set(want, (source = new ReasonUsageSource(() => want)));
    return source.get(client, range, ask);
  }

  clear(): void {
    for (const s of this.own.values()) s.clear();
  }
}
