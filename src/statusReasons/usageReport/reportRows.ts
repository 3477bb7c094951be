// The report's rows from a usage result and the account's reasons: every reason that is not
// deleted (unused ones with zeros), and every reason in the history that is deleted or no longer on
// the server (marked deleted). Share of Away: a reason's time over all time in Away reasons (by the
// history's state). Pure; no `vscode` here.
import type { StatusReason } from '../../api/types';
import { reasonStateFromState } from '../../domain/agentState';
import type { ReasonUsage } from '../../domain/reasonUsage';
import type { ReportPayload, ReportRange, ReportRow, ReportZone } from '../../shared/usageReportProtocol';
import type { UsageResult } from '../usage/usageSource';

export function reportRows(usage: ReadonlyMap<string, ReasonUsage>, reasons: readonly StatusReason[]): { rows: ReportRow[]; awayTotalMs: number } {
  let awayTotalMs = 0;
  for (const u of usage.values()) if (u.state === 'away') awayTotalMs += u.totalMs;
  const rows: ReportRow[] = [];
  const seen = new Set<string>();
  const row = (id: string, r: StatusReason | undefined, u: ReasonUsage | undefined): ReportRow => ({
    reasonId: id,
    text: r?.text ?? u?.text ?? id,
    state: r?.state ?? (u && reasonStateFromState(u.state)) ?? 'Away',
    status: !r || r.deleted ? 'deleted' : r.enabled ? 'enabled' : 'disabled',
    uses: u?.uses ?? 0,
    totalMs: u?.totalMs ?? 0,
    awayShare: (u ? u.state === 'away' : r?.state === 'Away') ? (awayTotalMs > 0 ? (u?.totalMs ?? 0) / awayTotalMs : 0) : null,
    agents: u?.agents ?? 0,
    medianMs: u?.medianMs ?? 0,
    p90Ms: u?.p90Ms ?? 0,
    lastUsedAt: u ? u.lastUsedAt : null,
    lastAgentId: u?.lastAgentId ?? '',
    busiestHour: u ? u.busiestHour : null,
    heatmap: u ? Array.from(u.heatmap) : new Array<number>(168).fill(0),
  });
  for (const r of reasons) {
    const u = usage.get(r.id);
    if (r.deleted && !u) continue;
    seen.add(r.id);
    rows.push(row(r.id, r, u));
  }
  for (const [id, u] of usage) if (!seen.has(id)) rows.push(row(id, undefined, u));
  return { rows, awayTotalMs };
}

export function reportPayload(result: UsageResult, reasons: readonly StatusReason[], accountId: string, range: ReportRange, zone: ReportZone): ReportPayload {
  const { rows, awayTotalMs } = reportRows(result.byReason, reasons);
  return { accountId, range, zone, timeZone: result.timeZone, from: result.from, to: result.to, computedAt: result.computedAt, changes: result.changes, agents: result.agents, awayTotalMs, rows };
}
