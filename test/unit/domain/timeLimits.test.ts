import * as assert from 'assert';
import {
  compileLimits, DEFAULT_TIME_LIMITS, describeRule, minutesProblem, parseStaffingFloors, parseTimeLimits, withRule,
} from '../../../src/domain/timeLimits';

describe('domain/timeLimits', () => {
  it('parses valid rules and reports each bad entry by index, never throwing', () => {
    const p = parseTimeLimits([
      { state: 'Away', minutes: 15 },
      { state: 'away', reason: ' Lunch ', minutes: 60 },
      { state: 'Occupied', minutes: 5 },
      { state: 'Offline', minutes: 5 },
      { state: 'Away', minutes: 0 },
      { state: 'Away', minutes: 1.5 },
      { state: 'Away', reason: '', minutes: 5 },
      'nope',
    ]);
    assert.deepStrictEqual(p.items, [
      { state: 'Away', minutes: 15 },
      { state: 'Away', reason: 'Lunch', minutes: 60 },
      { state: 'Back soon', minutes: 5 },
    ]);
    assert.deepStrictEqual(p.problems.map(l => l.match(/\[(\d+)\]/)?.[1]), ['3', '4', '5', '6', '7']);
    assert.deepStrictEqual(parseTimeLimits({}).items, []);
    assert.strictEqual(parseTimeLimits({}).problems.length, 1);
    assert.deepStrictEqual(parseTimeLimits(undefined), { items: [], problems: [] });
  });

  it('a reason rule beats the state rule; reason texts match case- and accent-insensitively; other states fall back', () => {
    const p = compileLimits(parseTimeLimits([...DEFAULT_TIME_LIMITS, { state: 'Away', reason: 'Café', minutes: 40 }]).items, 2);
    assert.strictEqual(p.limitFor('away', 'cafe ')?.ms, 40 * 60_000);
    assert.strictEqual(p.limitFor('away', 'CAFÉ')?.byReason, true);
    assert.strictEqual(p.limitFor('away', 'Meeting')?.ms, 15 * 60_000);
    assert.strictEqual(p.limitFor('away', undefined)?.byReason, false);
    assert.strictEqual(p.limitFor('backSoon', 'Café')?.ms, 10 * 60_000, 'the reason rule is for Away only');
    assert.strictEqual(p.limitFor('online', undefined), undefined);
    assert.strictEqual(p.disconnectedMs, 120_000);
    assert.strictEqual(p.empty, false);
    assert.strictEqual(compileLimits([]).empty, true);
    assert.strictEqual(compileLimits([], 0).disconnectedMs, undefined);
  });

  it('minutes: whole 1–1440 only', () => {
    assert.strictEqual(minutesProblem('15'), '');
    assert.strictEqual(minutesProblem(' 1440 '), '');
    for (const bad of ['0', '1441', '1.5', '-3', 'ten', '']) assert.notStrictEqual(minutesProblem(bad), '', bad);
  });

  it('withRule sets, replaces in place or removes one rule and keeps the others', () => {
    const base = parseTimeLimits([{ state: 'Away', minutes: 15 }, { state: 'Away', reason: 'Lunch', minutes: 60 }, { state: 'Back soon', minutes: 10 }]).items;
    assert.deepStrictEqual(withRule(base, 'Away', 'lunch', 45), [{ state: 'Away', minutes: 15 }, { state: 'Away', reason: 'lunch', minutes: 45 }, { state: 'Back soon', minutes: 10 }]);
    assert.deepStrictEqual(withRule(base, 'Away', undefined, undefined), [{ state: 'Away', reason: 'Lunch', minutes: 60 }, { state: 'Back soon', minutes: 10 }]);
    assert.deepStrictEqual(withRule(base, 'Online', undefined, 240).at(-1), { state: 'Online', minutes: 240 });
    assert.strictEqual(describeRule(base[1]), 'Away · Lunch: 60 min');
  });

  it('staffing floors: a group, a skill or both, and a count of at least 1', () => {
    const p = parseStaffingFloors([{ group: 'Billing', online: 4 }, { skill: 'Spanish', online: 2 }, { group: 'A', skill: 'B', online: 1 }, { group: 'X', online: 0 }, { group: '', online: 3 }]);
    assert.deepStrictEqual(p.items, [{ group: 'Billing', online: 4 }, { skill: 'Spanish', online: 2 }, { group: 'A', skill: 'B', online: 1 }]);
    assert.strictEqual(p.problems.length, 2);
  });
});
