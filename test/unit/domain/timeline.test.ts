import * as assert from 'node:assert/strict';
import type { StatusChange } from '../../../src/api/types';
import { buildTimelines } from '../../../src/domain/timeline';
import { appendNow } from '../../../src/domain/timelineLive';
import { computeTotals } from '../../../src/domain/timelineTotals';
import type { AgentTimeline } from '../../../src/domain/timelineTypes';

const DAY = Date.UTC(2024, 4, 27); // 2024-05-27T00:00Z
const H = 3_600_000;
const M = 60_000;
const WINDOW = { from: DAY, to: DAY + 24 * H };

type Ev = Partial<StatusChange> & Pick<StatusChange, 'time'>;
function ev(e: Ev): StatusChange {
  return { agentId: 'a1', sequenceNumber: 1, statusType: 1, statusSubType: 2, ...e };
}
const login = (time: number, agentId = 'a1') => ev({ agentId, time, statusType: 3, statusSubType: 0, sequenceNumber: -1 });
const dflt = (time: number, agentId = 'a1') => ev({ agentId, time, statusType: 1, statusSubType: 2, sequenceNumber: 1 });
const change = (time: number, sessionId: string, seq: number, sub: number, reasonId?: string, reasonText?: string, agentId = 'a1') =>
  ev({ agentId, time, sessionId, sequenceNumber: seq, statusType: 1, statusSubType: sub, statusReasonId: reasonId, statusReasonText: reasonText });
const logout = (time: number, sessionId: string | undefined, seq: number, agentId = 'a1') =>
  ev({ agentId, time, sessionId, sequenceNumber: seq, statusType: 4, statusSubType: 0 });

/** A compact view of intervals: [startOffsetMin, endOffsetMin, state, reasonId?, sessionId?] */
function compact(tl: AgentTimeline) {
  return tl.intervals.map((i) => [(i.start - DAY) / M, (i.end - DAY) / M, i.state, i.reasonId ?? null, i.sessionId ?? null, !!i.open]);
}
function one(changes: StatusChange[], window = WINDOW) {
  const tls = buildTimelines(changes, window);
  assert.equal(tls.length, 1);
  return tls[0];
}
function shuffle<T>(a: T[], seed = 7): T[] {
  const out = a.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('timeline model: buildTimelines', () => {
  it('builds the liveperson-api.md §5.2 example (given out of order, as the doc warns)', () => {
    const t = (iso: string) => Date.parse(iso);
    const common = { agentId: '3705342710', employeeId: 'E-1042', agentLoginName: 'omer@example.com', agentUserName: 'Omer', agentGroupId: '3101778812' };
    const doc: StatusChange[] = [
      { ...common, time: t('2024-05-27T14:31:40.507Z'), sessionId: '95354544', sequenceNumber: 2, statusType: 1, statusSubType: 4, statusReasonId: '3201442712', statusReasonText: 'Lunch break', prevStatusChangeTime: t('2024-05-27T13:00:02.118Z') },
      { ...common, time: t('2024-05-27T21:02:11.900Z'), sessionId: '95354544', sequenceNumber: 7, statusType: 4, statusSubType: 0 },
      { ...common, time: t('2024-05-27T13:00:02.118Z'), sequenceNumber: 1, statusType: 1, statusSubType: 2 },
      { ...common, time: t('2024-05-27T13:00:02.118Z'), sequenceNumber: -1, statusType: 3, statusSubType: 0 },
    ];
    const tl = one(doc);
    assert.equal(tl.agentId, '3705342710');
    assert.equal(tl.agentName, 'Omer');
    assert.equal(tl.agentLoginName, 'omer@example.com');
    assert.equal(tl.agentGroupId, '3101778812');
    assert.deepEqual(
      tl.intervals.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString(), i.state, i.reasonId, i.reasonText, i.sessionId, i.open]),
      [
        ['2024-05-27T00:00:00.000Z', '2024-05-27T13:00:02.118Z', 'offline', undefined, undefined, undefined, undefined],
        ['2024-05-27T13:00:02.118Z', '2024-05-27T14:31:40.507Z', 'online', undefined, undefined, '95354544', undefined],
        ['2024-05-27T14:31:40.507Z', '2024-05-27T21:02:11.900Z', 'away', '3201442712', 'Lunch break', '95354544', undefined],
        ['2024-05-27T21:02:11.900Z', '2024-05-28T00:00:00.000Z', 'offline', undefined, undefined, undefined, true],
      ],
    );
    assert.deepEqual(tl.sessions, [{ sessionId: '95354544', login: t('2024-05-27T13:00:02.118Z'), logout: t('2024-05-27T21:02:11.900Z') }]);
    assert.deepEqual(tl.markers, [
      { time: t('2024-05-27T13:00:02.118Z'), kind: 'login' },
      { time: t('2024-05-27T21:02:11.900Z'), kind: 'logout' },
    ]);
  });

  const session = [
    login(DAY + 60 * M),
    dflt(DAY + 60 * M),
    change(DAY + 90 * M, 's1', 2, 4, '11', 'Lunch'),
    change(DAY + 120 * M, 's1', 3, 3),
    change(DAY + 150 * M, 's1', 4, 2),
    logout(DAY + 180 * M, 's1', 5),
  ];
  const expected = [
    [0, 60, 'offline', null, null, false],
    [60, 90, 'online', null, 's1', false],
    [90, 120, 'away', '11', 's1', false],
    [120, 150, 'backSoon', null, 's1', false],
    [150, 180, 'online', null, 's1', false],
    [180, 1440, 'offline', null, null, true],
  ];

  it('gives the same intervals for unsorted input', () => {
    assert.deepEqual(compact(one(session)), expected);
    for (const seed of [1, 2, 3, 4, 5]) assert.deepEqual(compact(one(shuffle(session, seed))), expected);
  });

  it('drops exact duplicates (overlapping chunks)', () => {
    assert.deepEqual(compact(one([...session, ...shuffle(session)])), expected);
    assert.equal(one([...session, ...session]).markers.length, 2);
  });

  it('gives the missing sessionId of a session’s first two events the id of the sequence-2 event that follows', () => {
    const two = [
      login(DAY + 60 * M), dflt(DAY + 60 * M), change(DAY + 70 * M, 'sA', 2, 4, '5'), logout(DAY + 80 * M, 'sA', 3),
      login(DAY + 100 * M), dflt(DAY + 100 * M), change(DAY + 130 * M, 'sB', 2, 3), logout(DAY + 140 * M, 'sB', 3),
    ];
    const tl = one(shuffle(two, 11));
    assert.deepEqual(tl.sessions.map((s) => [s.sessionId, (s.login! - DAY) / M, (s.logout! - DAY) / M]), [['sA', 60, 80], ['sB', 100, 140]]);
    assert.deepEqual(compact(tl), [
      [0, 60, 'offline', null, null, false],
      [60, 70, 'online', null, 'sA', false],
      [70, 80, 'away', '5', 'sA', false],
      [80, 100, 'offline', null, null, false],
      [100, 130, 'online', null, 'sB', false],
      [130, 140, 'backSoon', null, 'sB', false],
      [140, 1440, 'offline', null, null, true],
    ]);
  });

  it('clips intervals at the window and keeps the state that started before it', () => {
    const window = { from: DAY + 100 * M, to: DAY + 160 * M };
    const tl = one(session, window);
    assert.deepEqual(compact(tl), [
      [100, 120, 'away', '11', 's1', false],
      [120, 150, 'backSoon', null, 's1', false],
      [150, 160, 'online', null, 's1', true],
    ]);
    assert.equal(tl.sessions.length, 1);
    assert.equal(tl.sessions[0].sessionId, 's1');
    assert.equal(tl.sessions[0].login, undefined, 'the login was before the window');
    assert.equal(tl.sessions[0].logout, undefined, 'the logout is after the window');
    assert.deepEqual(tl.markers, []);
  });

  it('leaves a gap before a first event that is not a login (logged in before the data, state unknown)', () => {
    const tl = one([change(DAY + 30 * M, 's9', 6, 4, '7'), change(DAY + 40 * M, 's9', 7, 2), logout(DAY + 50 * M, 's9', 8)]);
    assert.deepEqual(compact(tl), [
      [30, 40, 'away', '7', 's9', false],
      [40, 50, 'online', null, 's9', false],
      [50, 1440, 'offline', null, null, true],
    ]);
    assert.deepEqual(tl.sessions, [{ sessionId: 's9', login: undefined, logout: DAY + 50 * M }]);
  });

  it('handles a logout without a login: unknown before it, a session with no login, offline after', () => {
    const tl = one([logout(DAY + 45 * M, 's3', 9)]);
    assert.deepEqual(compact(tl), [[45, 1440, 'offline', null, null, true]]);
    assert.deepEqual(tl.sessions, [{ sessionId: 's3', login: undefined, logout: DAY + 45 * M }]);
    assert.deepEqual(tl.markers, [{ time: DAY + 45 * M, kind: 'logout' }]);
  });

  it('closes a session whose logout is missing at the next login', () => {
    const tl = one([login(DAY + 10 * M), dflt(DAY + 10 * M), change(DAY + 20 * M, 'x1', 2, 4), login(DAY + 30 * M), dflt(DAY + 30 * M), change(DAY + 40 * M, 'x2', 2, 3)]);
    assert.deepEqual(tl.sessions.map((s) => [s.sessionId, (s.login! - DAY) / M, s.logout === undefined ? null : (s.logout - DAY) / M]), [['x1', 10, 30], ['x2', 30, null]]);
    assert.deepEqual(compact(tl), [
      [0, 10, 'offline', null, null, false],
      [10, 20, 'online', null, 'x1', false],
      [20, 30, 'away', null, 'x1', false],
      [30, 40, 'online', null, 'x2', false],
      [40, 1440, 'backSoon', null, 'x2', true],
    ]);
  });

  it('orders a logout and a login at the same instant: logout first, so the agent ends logged in', () => {
    const t = DAY + 60 * M;
    const tl = one(shuffle([change(DAY + 10 * M, 'p', 5, 4), logout(t, 'p', 6), login(t), dflt(t), change(DAY + 70 * M, 'q', 2, 4, '3')], 3));
    assert.deepEqual(compact(tl), [
      [10, 60, 'away', null, 'p', false],
      [60, 70, 'online', null, 'q', false],
      [70, 1440, 'away', '3', 'q', true],
    ]);
  });

  it('merges repeated identical states and ignores events after the window', () => {
    const tl = one([login(DAY), dflt(DAY), change(DAY + 5 * M, 'm', 2, 2), change(DAY + 6 * M, 'm', 3, 2), change(DAY + 25 * H, 'm', 4, 4)], { from: DAY, to: DAY + 60 * M });
    assert.deepEqual(compact(tl), [[0, 60, 'online', null, 'm', true]]);
  });

  it('keeps agents apart, sorts them by id, and uses the names and reason-text maps', () => {
    const changes = [
      change(DAY + 10 * M, 's', 2, 4, '42', '', 'b'),
      change(DAY + 20 * M, 's', 3, 2, undefined, undefined, 'b'),
      change(DAY + 15 * M, 't', 2, 4, '43', 'Meeting', 'a'),
    ];
    const tls = buildTimelines(changes, WINDOW, { names: new Map([['b', 'Bea']]), reasonTexts: new Map([['42', 'Deleted reason'], ['43', 'Other text']]) });
    assert.deepEqual(tls.map((t) => t.agentId), ['a', 'b']);
    assert.equal(tls[1].agentName, 'Bea');
    assert.equal(tls[1].intervals[0].reasonText, 'Deleted reason', 'an empty event text falls back to the map');
    assert.equal(tls[0].intervals[0].reasonText, 'Meeting', 'the text at the time of the event wins');
  });

  it('always returns sorted, non-overlapping intervals inside the window (random event soup)', () => {
    let s = 42;
    const rnd = (n: number) => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s % n);
    const soup: StatusChange[] = [];
    for (let i = 0; i < 3000; i++) {
      const type = [1, 1, 1, 3, 4][rnd(5)];
      soup.push(ev({ agentId: `a${rnd(5)}`, time: DAY - 2 * H + rnd(28 * H), statusType: type, statusSubType: type === 1 ? 1 + rnd(4) : 0, sequenceNumber: type === 3 ? -1 : rnd(10), sessionId: rnd(3) ? `s${rnd(20)}` : undefined, statusReasonId: rnd(2) ? String(rnd(4) + 1) : undefined }));
    }
    const tls = buildTimelines(soup, WINDOW);
    assert.equal(tls.length, 5);
    for (const tl of tls) {
      for (let i = 0; i < tl.intervals.length; i++) {
        const iv = tl.intervals[i];
        assert.ok(iv.start < iv.end && iv.start >= WINDOW.from && iv.end <= WINDOW.to, 'inside the window, not empty');
        if (i) assert.ok(tl.intervals[i - 1].end <= iv.start, 'sorted and non-overlapping');
      }
      for (let i = 1; i < tl.markers.length; i++) assert.ok(tl.markers[i - 1].time <= tl.markers[i].time);
    }
  });
});

describe('timeline model: computeTotals', () => {
  it('sums time per state, per reason and logged in, per agent and overall', () => {
    const a = [login(DAY), dflt(DAY), change(DAY + 60 * M, 's', 2, 4, '11', 'Lunch'), change(DAY + 90 * M, 's', 3, 4), change(DAY + 100 * M, 's', 4, 3), logout(DAY + 120 * M, 's', 5)];
    const b = [change(DAY + 30 * M, 'u', 4, 4, '11', 'Lunch', 'b'), change(DAY + 50 * M, 'u', 5, 2, undefined, undefined, 'b')];
    const window = { from: DAY, to: DAY + 4 * H };
    const totals = computeTotals(buildTimelines([...a, ...b.map((e) => ({ ...e, agentId: 'b' }))], window), window);
    const ta = totals.perAgent.a1;
    assert.deepEqual(ta.byState, { online: 60 * M, away: 40 * M, backSoon: 20 * M, offline: 120 * M });
    assert.equal(ta.loggedIn, 120 * M);
    assert.deepEqual(ta.byReason, { '11': { state: 'away', text: 'Lunch', ms: 30 * M, overMs: 0 }, '': { state: 'away', text: 'No reason', ms: 10 * M, overMs: 0 } });
    assert.equal(ta.overMs, 0, 'no limits given: nothing is over');
    const tb = totals.perAgent.b;
    assert.deepEqual(tb.byState, { online: 190 * M, away: 20 * M, backSoon: 0, offline: 0 });
    assert.equal(totals.overall.byReason['11'].ms, 50 * M);
    assert.equal(totals.overall.loggedIn, ta.loggedIn + tb.loggedIn);
    for (const st of ['online', 'away', 'backSoon', 'offline'] as const) assert.equal(totals.overall.byState[st], ta.byState[st] + tb.byState[st]);
  });

  it('clips to a narrower window than the timelines', () => {
    const tls = buildTimelines([login(DAY), dflt(DAY)], WINDOW);
    const totals = computeTotals(tls, { from: DAY + H, to: DAY + 3 * H });
    assert.equal(totals.perAgent.a1.byState.online, 2 * H);
  });
});

describe('timeline model: appendNow', () => {
  const base = one([login(DAY), dflt(DAY), change(DAY + 60 * M, 's', 2, 4, '11', 'Lunch')], { from: DAY, to: DAY + 120 * M });

  it('cuts the history where the live state began and adds an open interval to now', () => {
    const tl = appendNow(base, { state: 'backSoon', since: DAY + 90 * M }, DAY + 150 * M);
    assert.deepEqual(compact(tl), [
      [0, 60, 'online', null, 's', false],
      [60, 90, 'away', '11', 's', false],
      [90, 150, 'backSoon', null, 's', true],
    ]);
    assert.equal(base.intervals.length, 2, 'the input is not changed');
    assert.equal(base.intervals[1].end, DAY + 120 * M);
  });

  it('extends the last interval when the live state is the same one', () => {
    const tl = appendNow(base, { state: 'away', reasonId: '11', since: DAY + 60 * M }, DAY + 200 * M);
    assert.deepEqual(compact(tl), [
      [0, 60, 'online', null, 's', false],
      [60, 200, 'away', '11', 's', true],
    ]);
  });

  it('leaves a gap between the end of the history and the start of the live state', () => {
    const tl = appendNow(base, { state: 'online', reasonText: undefined, since: DAY + 180 * M }, DAY + 200 * M);
    assert.deepEqual(compact(tl).map((r) => r.slice(0, 3)), [[0, 60, 'online'], [60, 120, 'away'], [180, 200, 'online']]);
  });
});
