// The history uses status reasons realistically (src/emulator/data/reasonModel.ts): over the last 30
// days of the test fixture's account (60 agents, seed 7, Sunday 03:00 UTC), read over HTTP like a
// client reads it, reasons differ in how often and how long they are used, some only at certain
// points of a shift or on certain weekdays, one enabled reason is never used, a deleted one is used
// until its deletion, a disabled one only in older history — and the same seed gives the same history.
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator } from '../../../src/emulator';
import { Dataset } from '../../../src/emulator/data/dataset';
import { ACCT, BEARER, allStatusChanges, request } from './helpers';

const MIN = 60_000, DAY = 86_400_000;
const CLOCK = '2026-12-06T03:00:00Z';
const T = Date.parse(CLOCK);
const FROM = T - 30 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const CHANGES = `/api/v2/account/${ACCT}/status-changes`;
const REASONS = `/api/account/${ACCT}/configuration/le-agents/status-reasons?v=2.0&include_deleted=true`;

interface Change {
  agentId: number; time: string; sessionId: number; sequenceNumber: number; statusType: number; statusSubType: number;
  statusReasonId: number; statusReasonText: string;
}
interface Reason { id: number; text: string; state: string; enabled: boolean; deleted: boolean }
/** one stretch in a reason: from its change to the agent's next change */
interface Use { agentId: string; text: string; sub: number; start: number; ms: number; loginAt?: number; logoutAt?: number; /** ended by the logout or the window, not by a change */ cut: boolean }

const start = (opts: { seed?: number } = {}) => startEmulator({ port: 0, agents: 60, seed: 7, clock: CLOCK, activityLagMinutes: 0, ...opts });
const history = (emu: RunningEmulator) =>
  allStatusChanges<Change>(emu.url, `${CHANGES}?source=reasonHistory&v=2&from=${iso(FROM)}&to=${iso(T)}&limit=5000`, BEARER);

/** Per agent in time order: each change with a reason becomes a use, with its session's login and logout (when in the window). */
function usesOf(changes: Change[]): Use[] {
  const byAgent = new Map<string, Change[]>();
  for (const c of changes) byAgent.set(String(c.agentId), [...(byAgent.get(String(c.agentId)) ?? []), c]);
  const uses: Use[] = [];
  for (const [agentId, list] of byAgent) {
    list.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.sequenceNumber - b.sequenceNumber);
    let session: Use[] = [], loginAt: number | undefined;
    for (let i = 0; i < list.length; i++) {
      const c = list[i], t = Date.parse(c.time);
      if (c.statusType === 3) { session = []; loginAt = t; continue; }
      if (c.statusType === 4) {
        for (const u of session) u.logoutAt = t;
        session = [];
        loginAt = undefined;
        continue;
      }
      if (c.statusReasonId <= 0) continue;
      const next = list[i + 1];
      const u: Use = { agentId, text: c.statusReasonText, sub: c.statusSubType, start: t, ms: (next ? Date.parse(next.time) : T) - t, loginAt, cut: !next || next.statusType !== 1 };
      session.push(u);
      uses.push(u);
    }
  }
  return uses;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('emulator: status reasons in the history (30 days, 60 agents, seed 7)', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let changes: Change[];
  let reasons: Reason[];
  let uses: Use[];
  /** the agents whose shifts have random breaks (desk ring, former users): not the floor's fixed roles, not bots */
  let people: Set<string>;
  const data = new Dataset(7, 60, T); // the same data the emulator serves (for who works which rota, and the whole look-back)
  const ofPeople = (text: string) => uses.filter(u => u.text === text && people.has(u.agentId));

  before(async () => {
    emu = await start();
    changes = await history(emu);
    reasons = (await request(emu.url, 'GET', REASONS, { headers: BEARER })).json as Reason[];
    uses = usesOf(changes);
    people = new Set(data.agents.filter(a => a.rota.kind === 'desk' || a.rota.kind === 'former').map(a => String(a.id)));
  });
  after(() => emu.close());

  it('reasons differ in frequency: coffee often, lunch once a shift, meetings and training rarer, technical issue and personal time rare', () => {
    const sessions = new Set(changes.filter(c => c.statusType === 1 && c.sequenceNumber >= 2 && people.has(String(c.agentId))).map(c => `${c.agentId}/${c.sessionId}`));
    const n = (text: string) => ofPeople(text).length;
    const perShift = (text: string) => n(text) / sessions.size;
    assert.ok(sessions.size > 500, `${sessions.size} shifts`);
    const freq = Object.fromEntries(['Lunch break', 'Coffee break', 'Team meeting', 'Training', 'Technical issue', 'Personal time', 'Wrap-up', 'Back in 5'].map(t => [t, perShift(t).toFixed(2)]));
    assert.ok(perShift('Coffee break') > 1.2, `coffee per shift: ${JSON.stringify(freq)}`);
    assert.ok(perShift('Lunch break') > 0.95 && perShift('Lunch break') <= 1, `lunch per shift: ${JSON.stringify(freq)}`);
    for (const rarer of ['Team meeting', 'Training', 'Technical issue', 'Personal time']) {
      assert.ok(n('Coffee break') > 3 * n(rarer), `coffee ${n('Coffee break')} vs ${rarer} ${n(rarer)}`);
      assert.ok(n(rarer) > 0, `${rarer} is used`);
    }
    for (const rare of ['Technical issue', 'Personal time']) assert.ok(perShift(rare) < 0.25 && n(rare) < n('Team meeting'), `${rare}: ${JSON.stringify(freq)}`);
    // the whole account too (the floor's fixed roles add as much coffee as team meeting)
    const all = (text: string) => uses.filter(u => u.text === text).length;
    assert.ok(all('Coffee break') > 1.3 * all('Team meeting') && all('Team meeting') > 10 * all('Training'), `account: coffee ${all('Coffee break')}, team meeting ${all('Team meeting')}, training ${all('Training')}`);
    // lunch: once per shift, never twice
    const lunches = new Map<string, number>();
    for (const u of ofPeople('Lunch break')) lunches.set(`${u.agentId}/${u.loginAt ?? u.start}`, (lunches.get(`${u.agentId}/${u.loginAt ?? u.start}`) ?? 0) + 1);
    assert.deepEqual([...lunches.values()].filter(x => x > 1), [], 'no shift has two lunches');
  });

  it('reasons differ in length: lunch 30–60 min, coffee 5–12, meetings and training 25–60', () => {
    const minutes = (text: string) => ofPeople(text).filter(u => !u.cut).map(u => u.ms / MIN);
    const within = (text: string, lo: number, hi: number) => {
      const m = minutes(text);
      assert.ok(m.length > 10, `${text}: ${m.length} uses`);
      assert.ok(m.every(x => x >= lo && x < hi + 1), `${text}: ${Math.min(...m).toFixed(1)}–${Math.max(...m).toFixed(1)} min, want ${lo}–${hi}`);
      return median(m);
    };
    const lunch = within('Lunch break', 30, 60), coffee = within('Coffee break', 5, 12);
    const meeting = within('Team meeting', 25, 50), training = within('Training', 30, 60);
    assert.ok(coffee < 10 && lunch > 40 && meeting > 30 && training > 35, `medians: lunch ${lunch}, coffee ${coffee}, meeting ${meeting}, training ${training}`);
  });

  it('some reasons only at certain points of the shift or weekdays: team meetings early in the shift, training on Tuesdays and Thursdays', () => {
    const meetings = ofPeople('Team meeting').filter(u => u.loginAt !== undefined && u.logoutAt !== undefined);
    assert.ok(meetings.length > 10, `${meetings.length} meetings in whole shifts`);
    for (const u of meetings) {
      const position = (u.start - u.loginAt!) / (u.logoutAt! - u.loginAt!);
      assert.ok(position < 0.3, `a team meeting at ${(position * 100).toFixed(0)}% of the shift (${iso(u.start)})`);
    }
    const training = ofPeople('Training').filter(u => u.loginAt !== undefined);
    assert.ok(training.length > 10, `${training.length} trainings`);
    const weekdays = new Set(training.map(u => new Date(u.loginAt!).getUTCDay()));
    assert.deepEqual([...weekdays].sort(), [2, 4], 'training only in shifts starting on Tuesday or Thursday (UTC)');
    // at most one meeting and one training per shift
    for (const text of ['Team meeting', 'Training']) {
      const perShift = new Map<string, number>();
      for (const u of ofPeople(text).filter(x => x.loginAt !== undefined)) perShift.set(`${u.agentId}/${u.loginAt}`, (perShift.get(`${u.agentId}/${u.loginAt}`) ?? 0) + 1);
      assert.ok([...perShift.values()].every(x => x === 1), `${text} at most once a shift`);
    }
  });

  it('an enabled reason is never used in the whole look-back; a disabled one only in older history', () => {
    const pizza = reasons.find(r => r.text === 'Break 🍕 **now**')!;
    const coaching = reasons.find(r => r.text === 'Coaching session')!;
    assert.ok(pizza.enabled && !pizza.deleted && !coaching.enabled && !coaching.deleted);
    assert.ok(!changes.some(c => c.statusReasonId === pizza.id), 'Break 🍕 **now** not in the last 30 days');
    assert.ok(!changes.some(c => c.statusReasonId === coaching.id), 'Coaching session (disabled) not in the last 30 days');
    // the whole 6-month look-back, from the dataset the emulator serves
    const used = new Map<number, number[]>();
    for (const a of data.agents) {
      for (const e of data.eventsInRange(a, T - 186 * DAY, T)) if (e.reason > 0) used.set(e.reason, [...(used.get(e.reason) ?? []), e.t]);
    }
    assert.equal(used.get(pizza.id), undefined, 'Break 🍕 **now** never used');
    const coachingAt = used.get(coaching.id) ?? [];
    assert.ok(coachingAt.length > 20, `Coaching session used in older history: ${coachingAt.length}`);
    assert.ok(Math.max(...coachingAt) < T - 44 * DAY, `Coaching session last used ${iso(Math.max(...coachingAt))}`);
  });

  it('a deleted reason is in the last 30 days until its deletion (10–20 days ago), not after', () => {
    const old = reasons.find(r => r.text === 'Old meeting room')!;
    assert.ok(old.deleted);
    const at = changes.filter(c => c.statusReasonId === old.id).map(c => Date.parse(c.time));
    assert.ok(at.length > 5, `Old meeting room used ${at.length} times in the last 30 days`);
    assert.ok(changes.filter(c => c.statusReasonId === old.id).every(c => c.statusReasonText === 'Old meeting room'), 'the history keeps its text');
    const last = Math.max(...at);
    assert.ok(last >= T - 21 * DAY && last < T - 10 * DAY, `last used ${iso(last)}`);
    assert.ok(!changes.some(c => c.statusReasonId === old.id && Date.parse(c.time) >= T - 10 * DAY), 'not used in the last 10 days');
  });

  it('Back soon moments sometimes carry an Occupied reason; Away reasons only on Away changes; live reason fields only when AWAY', async () => {
    const state = new Map(reasons.map(r => [r.id, r.state]));
    const withReason = changes.filter(c => c.statusReasonId > 0);
    for (const c of withReason) assert.equal(state.get(c.statusReasonId), c.statusSubType === 3 ? 'Occupied' : 'Away', `${c.statusReasonText} on subtype ${c.statusSubType}`);
    const backSoon = changes.filter(c => c.statusType === 1 && c.statusSubType === 3 && people.has(String(c.agentId)));
    const occupied = backSoon.filter(c => c.statusReasonId > 0);
    assert.ok(occupied.length > 0.3 * backSoon.length && occupied.length < 0.8 * backSoon.length, `${occupied.length} of ${backSoon.length} Back soon moments with a reason`);
    assert.deepEqual(new Set(occupied.map(c => c.statusReasonText)), new Set(['Wrap-up', 'Back in 5']));
    const live = await request(emu.url, 'POST', `/messaging_history/api/account/${ACCT}/agent-view/status`, { body: {}, headers: BEARER });
    for (const r of live.json.agentStatusRecords as { currentStatus: string; currentStatusReason?: string }[]) {
      if (r.currentStatus !== 'AWAY') assert.equal(r.currentStatusReason, undefined);
    }
  });

  it('the same seed gives the same history, another seed another one', async () => {
    const twin = await start();
    const other = await start({ seed: 8 });
    try {
      const again = await history(twin);
      assert.equal(JSON.stringify(again), JSON.stringify(changes));
      const elsewhere = await history(other);
      const counts = (list: Change[]) => ['Coffee break', 'Team meeting', 'Old meeting room'].map(t => list.filter(c => c.statusReasonText === t).length);
      assert.notDeepEqual(counts(elsewhere), counts(changes));
    } finally {
      await twin.close();
      await other.close();
    }
  });
});
