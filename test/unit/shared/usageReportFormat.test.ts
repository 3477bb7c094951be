import * as assert from 'assert';
import { cellText, reportCsv, reportMarkdown, sortRows } from '../../../src/shared/usageReportFormat';
import { parseHostReportMessage, parseReportMessage, type ReportPayload, type ReportRow } from '../../../src/shared/usageReportProtocol';

const row = (id: string, text: string, uses: number, totalMs: number, extra: Partial<ReportRow> = {}): ReportRow => ({
  reasonId: id, text, state: 'Away', status: 'enabled', uses, totalMs, awayShare: uses ? 0.5 : 0, agents: uses, medianMs: totalMs / Math.max(uses, 1), p90Ms: totalMs,
  lastUsedAt: uses ? Date.UTC(2026, 11, 1, 9, 30) : null, lastAgentId: uses ? 'a1' : '', busiestHour: uses ? 9 : null, heatmap: new Array(168).fill(0), ...extra,
});
const report = (rows: ReportRow[]): ReportPayload => ({ accountId: '123', range: '7d', zone: 'utc', timeZone: 'UTC', from: Date.UTC(2026, 10, 24), to: Date.UTC(2026, 11, 1), computedAt: Date.UTC(2026, 11, 1), changes: 10, agents: 2, awayTotalMs: 1, rows });

describe('shared/usageReportFormat', () => {
  const rows = [row('1', 'lunch', 3, 9_000_000), row('2', 'Coffee', 3, 600_000), row('3', 'Zed', 0, 0), row('4', '=cmd|calc', 1, 60_000, { status: 'deleted' })];

  it('sorts by any column, ties by total time then id; unused last when descending by last used', () => {
    assert.deepStrictEqual(sortRows(rows, { column: 'uses', direction: 'descending' }).map(r => r.reasonId), ['1', '2', '4', '3']);
    assert.deepStrictEqual(sortRows(rows, { column: 'uses', direction: 'ascending' }).map(r => r.reasonId), ['3', '4', '1', '2']);
    assert.deepStrictEqual(sortRows(rows, { column: 'text', direction: 'ascending' }).map(r => r.text), ['=cmd|calc', 'Coffee', 'lunch', 'Zed']);
    assert.strictEqual(sortRows(rows, { column: 'lastUsedAt', direction: 'descending' }).at(-1)!.reasonId, '3');
  });

  it('cell text: durations, share, unused', () => {
    assert.strictEqual(cellText(rows[0], 'totalMs', 'UTC'), '2 h 30 min');
    assert.strictEqual(cellText(rows[2], 'totalMs', 'UTC'), '—');
    assert.strictEqual(cellText(rows[0], 'awayShare', 'UTC'), '50.0 %');
    assert.strictEqual(cellText(rows[2], 'lastUsedAt', 'UTC'), 'unused');
    assert.strictEqual(cellText(rows[0], 'lastUsedAt', 'UTC'), '2026-12-01 09:30');
  });

  it('CSV: the asked order, seconds, formula-looking text defused and quoted', () => {
    const lines = reportCsv(report(rows), { column: 'uses', direction: 'descending' }).trim().split('\r\n');
    assert.strictEqual(lines.length, 5);
    assert.strictEqual(lines[1], '1,lunch,Away,enabled,3,9000,0.5000,3,3000,9000,2026-12-01 09:30,a1,9');
    assert.ok(lines[3].startsWith('4,"\'=cmd|calc",Away,deleted,'), lines[3]);
    assert.ok(lines[4].startsWith('3,Zed,Away,enabled,0,0,'), lines[4]);
  });

  it('Markdown: pipes and emphasis escaped, one line per row', () => {
    const md = reportMarkdown(report([row('9', 'a|b **x**', 1, 1000)]), { column: 'totalMs', direction: 'descending' }, 'in the last 7 days');
    assert.ok(md.includes('| a\\|b \\*\\*x\\*\\* |'), md);
    assert.strictEqual(md.trim().split('\n').length, 5);
  });

  it('guards: bad messages refused both ways', () => {
    assert.strictEqual(parseReportMessage({ type: 'load', range: '1y', zone: 'utc' }).ok, false);
    assert.strictEqual(parseReportMessage({ type: 'exportCsv', sort: { column: 'x', direction: 'ascending' } }).ok, false);
    assert.deepStrictEqual(parseReportMessage({ type: 'load', range: '24h', zone: 'local' }), { ok: true, value: { type: 'load', range: '24h', zone: 'local', fresh: false } });
    assert.strictEqual(parseHostReportMessage({ type: 'data', requestId: 1, report: { ...report([row('1', 'x', 1, 1)]), rows: [{ ...row('1', 'x', 1, 1), heatmap: [1] }] } }).ok, false);
    assert.strictEqual(parseHostReportMessage({ type: 'data', requestId: 1, report: report([row('1', 'x', 1, 1)]) }).ok, true);
  });
});
