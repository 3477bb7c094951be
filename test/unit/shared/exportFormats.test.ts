import * as assert from 'assert';
import { csvField, intervalsCsv, markdownCell, timelineJson, totalsMarkdown } from '../../../src/shared/exportFormats';
import { packTimelines } from '../../../src/shared/columnar';
import { computeTotals } from '../../../src/domain/timelineTotals';
import { timeline } from './timelineFixtures';

const T0 = Date.UTC(2026, 10, 23, 8);
const MIN = 60_000;
const timelines = [
  timeline('1', [[T0, T0 + 30 * MIN, 'online', undefined, '55'], [T0 + 30 * MIN, T0 + 60 * MIN, 'away', 'Lunch, "long" =1+1', '55']], { agentName: 'Ann | <img src=x onerror=alert(1)>' }),
  timeline('2', [[T0, T0 + 60 * MIN, 'offline']], { agentName: '=HYPERLINK("x")' }),
];
const ds = packTimelines(timelines);
const totals = computeTotals(timelines, { from: T0, to: T0 + 60 * MIN });
const meta = { accountId: '123', from: T0, to: T0 + 60 * MIN, timeZone: 'utc' as const, generatedAt: T0 + 61 * MIN };

describe('shared/exportFormats', () => {
  it('quotes CSV fields and defuses formulas', () => {
    assert.strictEqual(csvField('plain'), 'plain');
    assert.strictEqual(csvField('a,b'), '"a,b"');
    assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvField('=1+1'), "'=1+1");
    assert.strictEqual(csvField('-2'), "'-2");
  });
  it('writes one CSV row per interval with ISO times in the chosen zone', () => {
    const lines = intervalsCsv(ds, 'utc').trimEnd().split('\r\n');
    assert.strictEqual(lines.length, 4);
    assert.strictEqual(lines[1], '1,Ann | <img src=x onerror=alert(1)>,,,online,,2026-11-23T08:00:00.000Z,2026-11-23T08:30:00.000Z,1800,55,false');
    assert.strictEqual(lines[2].split(',').slice(0, 5).join(','), '1,Ann | <img src=x onerror=alert(1)>,,,away');
    assert.ok(lines[2].includes('"Lunch, ""long"" =1+1"'));
    assert.ok(lines[3].startsWith(`2,"'=HYPERLINK(""x"")"`), lines[3]);
  });
  it('writes JSON with intervals, markers and totals', () => {
    const doc = JSON.parse(timelineJson(ds, totals, meta));
    assert.strictEqual(doc.accountId, '123');
    assert.strictEqual(doc.agents.length, 2);
    assert.deepStrictEqual(doc.agents[0].intervals[1], { start: '2026-11-23T08:30:00.000Z', end: '2026-11-23T09:00:00.000Z', state: 'away', reason: 'Lunch, "long" =1+1', sessionId: '55' });
    assert.strictEqual(doc.overall.byState.online, 30 * MIN);
  });
  it('escapes server text in the Markdown totals table', () => {
    assert.strictEqual(markdownCell('a|b <i>*x*</i>'), 'a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt;');
    const md = totalsMarkdown(ds, totals, meta);
    assert.ok(!md.includes('<img'), 'no raw HTML');
    assert.ok(md.includes('Ann \\| &lt;img src=x onerror=alert\\(1\\)&gt;'));
    assert.match(md, /\| \*\*All agents\*\* \| 0\.5 h \| 0\.0 h \| 0\.5 h \| 1\.0 h \| 1\.0 h \|/);
    assert.match(md, /\| Lunch, "long" =1\\\+1 \| 0\.5 h \|/);
    // every table row has the same number of unescaped pipes
    const rows = md.split('\n').filter(l => l.startsWith('| ') && l.includes('h |') && !l.includes('Away reason'));
    for (const r of rows.slice(0, 3)) assert.strictEqual(r.replace(/\\\|/g, '').split('|').length, 8, r);
  });
});
