import * as assert from 'assert';
import { formatDateTime, formatDuration, formatIso, formatStamp, fromParts, parseInputValue, timeParts, toInputValue } from '../../../src/shared/timeFormat';

const T = Date.UTC(2026, 10, 23, 13, 5, 9, 120);

describe('shared/timeFormat', () => {
  it('formats in UTC', () => {
    assert.strictEqual(formatDateTime(T, 'utc'), 'Mon 23 Nov 13:05:09');
    assert.strictEqual(formatIso(T, 'utc'), '2026-11-23T13:05:09.120Z');
    assert.strictEqual(toInputValue(T, 'utc'), '2026-11-23 13:05', 'the fields show the one format');
    assert.strictEqual(formatStamp(T, 'utc'), '2026-11-23 13:05');
    assert.strictEqual(formatStamp(T, 'utc', true), '2026-11-23 13:05:09');
  });
  it('formats local time with its offset, round-tripping to the same instant', () => {
    const iso = formatIso(T, 'local');
    assert.match(iso, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    assert.strictEqual(Date.parse(iso), T);
    const p = timeParts(T, 'local');
    assert.strictEqual(fromParts('local', p.year, p.month, p.day, p.hour, p.minute, p.second) + p.ms, T);
  });
  it('parses the date-time inputs and refuses impossible dates', () => {
    assert.strictEqual(parseInputValue('2026-11-23T13:05', 'utc'), Date.UTC(2026, 10, 23, 13, 5));
    assert.strictEqual(parseInputValue('2026-11-23 13:05', 'utc'), Date.UTC(2026, 10, 23, 13, 5));
    assert.ok(Number.isNaN(parseInputValue('2026-02-31T10:00', 'utc')));
    assert.ok(Number.isNaN(parseInputValue('yesterday', 'utc')));
    assert.strictEqual(parseInputValue('2026-11-01', 'utc'), Date.UTC(2026, 10, 1), 'a bare date is midnight');
    assert.strictEqual(parseInputValue(' 2026-11-01 ', 'local'), new Date(2026, 10, 1).getTime());
    assert.strictEqual(parseInputValue(formatStamp(T, 'utc'), 'utc'), Date.UTC(2026, 10, 23, 13, 5), 'what is shown parses back');
    assert.ok(Number.isNaN(parseInputValue('2026-11', 'utc')));
    assert.ok(Number.isNaN(parseInputValue('2026-11-23T25:00', 'utc')));
  });
  it('formats durations compactly', () => {
    assert.strictEqual(formatDuration(0), '0 s');
    assert.strictEqual(formatDuration(45_000), '45 s');
    assert.strictEqual(formatDuration(65_000), '1 min 05 s');
    assert.strictEqual(formatDuration(2 * 3_600_000 + 5 * 60_000), '2 h 05 min');
    assert.strictEqual(formatDuration(3 * 86_400_000 + 4 * 3_600_000), '3 d 4 h');
  });
});
