// The demo shows everything at any hour (src/emulator/data/roster.ts): the emulator clock is jumped
// through every hour of a week and the demo account, read over HTTP like a client reads it, must
// show every state the UI has a look for; a 10,000-agent account pages the same at every hour;
// and with the clock moved fast across a day and a week boundary, the live view and the history
// agree at every step ("history ends where live state begins").
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator } from '../../../src/emulator';
import { ACCT, BEARER, allStatusChanges, request } from './helpers';

const MIN = 60_000, HOUR = 3_600_000, DAY = 86_400_000, WEEK = 7 * DAY;
const LAG = 60 * MIN; // the default Agent Activity lag
const SUNDAY = Date.UTC(2026, 11, 6); // Sunday 2026-12-06 00:00Z
const iso = (ms: number) => new Date(ms).toISOString();
const STATUS = `/messaging_history/api/account/${ACCT}/agent-view/status`;
const CHANGES = `/api/v2/account/${ACCT}/status-changes`;
const REASONS = `/api/account/${ACCT}/configuration/le-agents/status-reasons?v=2.0&include_deleted=true`;

interface Rec {
  agentId: string; currentStatus: string; currentStatusReason?: string; currentConnectionState: string; agentNickname: string;
  agentSkills: { skillId: string }[]; agentGroupId: number; currentStatusStartTimeL: number; currentStatusDuration: number;
}
interface Change { agentId: number; time: string; sequenceNumber: number; statusType: number; statusSubType: number; statusReasonId: number }
interface Reason { id: number; text: string; state: string; deleted: boolean }

/** Every page of agent-view status (logged-in agents), following the `next` links. */
async function metrics(emu: RunningEmulator, limit = 1000): Promise<{ count: number; pages: number; records: Rec[] }> {
  const records: Rec[] = [];
  let href: string | undefined = `${STATUS}?limit=${limit}&offset=0`, count = -1, pages = 0;
  while (href) {
    const r = await request(emu.url, 'POST', href, { body: {}, headers: BEARER });
    assert.equal(r.status, 200, r.text);
    assert.ok(count === -1 || r.json._metadata.count === count, 'count stable across pages');
    count = r.json._metadata.count;
    records.push(...r.json.agentStatusRecords);
    pages++;
    href = r.json._metadata.next?.href;
    assert.ok(pages <= 1000, 'paging ends');
  }
  return { count, pages, records };
}

/** Every visible v2 change in [from, to), following the `next` links. */
function changes(emu: RunningEmulator, from: number, to: number, agentId?: string): Promise<Change[]> {
  return allStatusChanges<Change>(emu.url, `${CHANGES}?source=everyHour&v=2&from=${iso(from)}&to=${iso(to)}&limit=5000${agentId ? `&agentId=${agentId}` : ''}`, BEARER);
}

const setClock = async (emu: RunningEmulator, now: number | string) => {
  const r = await request(emu.url, 'POST', '/__control/clock', { body: { now: typeof now === 'number' ? iso(now) : now } });
  assert.equal(r.status, 200, r.text);
  return r.json.nowMs as number;
};

describe('emulator: the demo account shows every state at every hour of the week', function () {
  this.timeout(60_000);

  it('30 agents, seed 1: all 168 hours over HTTP (Agent Metrics, status reasons, Agent Activity)', async () => {
    const start = SUNDAY + 7 * MIN + 13_000;
    const emu = await startEmulator({ agents: 30, seed: 1, clock: start });
    const failures: string[] = [];
    try {
      for (let h = 0; h < 168; h++) {
        const now = await setClock(emu, start + h * HOUR);
        const { records } = await metrics(emu);
        const reasons = (await request(emu.url, 'GET', REASONS, { headers: BEARER })).json as Reason[];
        const deleted = new Set(reasons.filter(r => r.deleted).map(r => String(r.id)));
        const known = new Set(reasons.map(r => String(r.id)));
        const by = (s: string) => records.filter(r => r.currentStatus === s);
        const away = by('AWAY');
        const awayKept = away.filter(r => r.currentStatusReason !== undefined && known.has(r.currentStatusReason) && !deleted.has(r.currentStatusReason));
        const nick = new Map<string, number>();
        for (const r of records) nick.set(r.agentNickname, (nick.get(r.agentNickname) ?? 0) + 1);
        const multiSkill = records.filter(r => r.agentSkills.length >= 2);
        // Agent Activity: agents whose visible history (last 24 h, up to now − lag) crosses now − lag − 8 h
        const line = now - LAG - 8 * HOUR;
        const long: string[] = [];
        for (const r of records) {
          if (long.length >= 2) break;
          const times = (await changes(emu, now - DAY, now, r.agentId)).map(c => Date.parse(c.time));
          if (times.some(t => t > now - LAG)) failures.push(`h${h}: agent ${r.agentId} shows a change newer than now − lag`);
          if (times.some(t => t <= line) && times.some(t => t > line)) long.push(`${r.agentId}:${((Math.max(...times) - Math.min(...times)) / HOUR).toFixed(1)}h`);
        }
        const counts = {
          online: by('ONLINE').length, backSoon: by('BACK_SOON').length, awayKept: awayKept.length,
          keptReasons: new Set(awayKept.map(r => r.currentStatusReason)).size,
          awayNoReason: away.filter(r => r.currentStatusReason === undefined).length,
          awayDeleted: away.filter(r => r.currentStatusReason !== undefined && deleted.has(r.currentStatusReason)).length,
          awayUnknown: away.filter(r => r.currentStatusReason !== undefined && !known.has(r.currentStatusReason)).length,
          disconnected: records.filter(r => r.currentConnectionState === 'DISCONNECTED').length,
          namesakes: [...nick.values()].filter(n => n >= 2).length,
          multiSkillGroups: new Set(multiSkill.map(r => r.agentGroupId)).size,
          longHistory: long.length,
        };
        const wanted: [keyof typeof counts, number][] = [
          ['online', 3], ['backSoon', 2], ['awayKept', 3], ['keptReasons', 2], ['awayNoReason', 1], ['awayDeleted', 1],
          ['disconnected', 1], ['namesakes', 1], ['multiSkillGroups', 2], ['longHistory', 2],
        ];
        const short = wanted.filter(([k, n]) => counts[k] < n).map(([k, n]) => `${k} ${counts[k]} < ${n}`);
        if (counts.awayUnknown) short.push(`awayUnknown ${counts.awayUnknown} (reason id not in the list)`);
        if (short.length) failures.push(`h${h} (${iso(now)}, ${records.length} logged in): ${short.join(', ')}`);
      }
    } finally {
      await emu.close();
    }
    assert.deepEqual(failures, [], `hours missing a state:\n${failures.join('\n')}`);
  });

  it('10,000 agents, seed 1: the same number of Agent Metrics pages (≥ 5) at every sampled hour and across Sat→Sun midnight', async () => {
    const start = SUNDAY + 7 * MIN + 13_000;
    const emu = await startEmulator({ agents: 10_000, seed: 1, clock: start });
    try {
      const instants: number[] = [];
      for (let h = 0; h < 168; h += 7) instants.push(start + h * HOUR);
      instants.push(SUNDAY + WEEK - 500, SUNDAY + WEEK + 500); // Sat 23:59:59.5 → Sun 00:00:00.5
      const seen: string[] = [];
      const pages = new Set<number>();
      for (const [i, t] of instants.entries()) {
        await setClock(emu, t);
        if (i === 0) {
          // once: walk every page and check it covers each logged-in agent exactly once
          const all = await metrics(emu);
          assert.equal(all.pages, Math.ceil(all.count / 1000));
          assert.equal(new Set(all.records.map(r => r.agentId)).size, all.count);
          assert.equal(all.records.length, all.count);
        }
        const r = await request(emu.url, 'POST', `${STATUS}?limit=1000&offset=0`, { body: {}, headers: BEARER });
        assert.equal(r.status, 200, r.text);
        const count = r.json._metadata.count as number;
        pages.add(Math.ceil(count / 1000));
        seen.push(`${iso(t)} ${count} → ${Math.ceil(count / 1000)} pages`);
      }
      assert.equal(pages.size, 1, `page count depends on the hour:\n${seen.join('\n')}`);
      assert.ok([...pages][0] >= 5, seen[0]);
    } finally {
      await emu.close();
    }
  });
});

describe('emulator: live view and history agree while the clock runs across a day and a week boundary', function () {
  this.timeout(60_000);
  const START = Date.UTC(2026, 11, 5, 23); // Saturday 23:00Z; +26 h crosses Sat→Sun (a new week) and Sun→Mon
  let emu: RunningEmulator;
  // a source that never moves: the emulator clock moves only when POST /__control/clock moves it, so
  // the agent-view and status-changes answers of one step read exactly the same instant
  before(async () => { emu = await startEmulator({ agents: 30, seed: 1, now: () => START, activityLagMinutes: 0 }); });
  after(() => emu.close());

  it('5-minute steps over 26 hours: no negative duration, each agent once, the last change is the live state', async () => {
    const SUB: Record<string, number> = { ONLINE: 2, BACK_SOON: 3, AWAY: 4 };
    const ids = emu.control.agentIds();
    const occupied = new Set(emu.control.reasons().filter(x => x.state === 'Occupied').map(x => Number(x.id)));
    const problems: string[] = [];
    let steps = 0, loggedInSeen = 0, loggedOutSeen = 0;
    let now = START;
    assert.equal(await setClock(emu, START), START);
    for (;;) {
      const { count, records } = await metrics(emu, 10);
      const live = new Map(records.map(r => [r.agentId, r]));
      if (live.size !== records.length || count !== records.length) problems.push(`${iso(now)}: ${records.length} records, ${live.size} agents, count ${count}`);
      // [now − 24 h, now + 1 ms): every visible change up to and including now (lag 0). Sessions are
      // shorter than a day, so that holds every logged-in agent's last change. For speed, the whole
      // account's day is read every hour; in between the last 6 h, and the day of a logged-in agent
      // with no change in them
      const last = new Map<string, Change>();
      const keep = (c: Change) => {
        const prev = last.get(String(c.agentId));
        if (!prev || Date.parse(c.time) >= Date.parse(prev.time)) last.set(String(c.agentId), c);
      };
      const full = steps % 12 === 0;
      for (const c of await changes(emu, now - (full ? DAY : 6 * HOUR), now + 1)) keep(c);
      for (const r of full ? [] : records.filter(x => !last.has(x.agentId))) for (const c of await changes(emu, now - DAY, now + 1, r.agentId)) keep(c);
      for (const r of records) {
        const at = `${iso(now)} agent ${r.agentId}`;
        if (!ids.includes(r.agentId)) problems.push(`${at}: not an agent of the account`);
        if (r.currentStatusDuration < 0 || r.currentStatusDuration !== now - r.currentStatusStartTimeL) {
          problems.push(`${at}: duration ${r.currentStatusDuration}, start ${iso(r.currentStatusStartTimeL)}`);
        }
        const c = last.get(r.agentId);
        // Back soon may carry an Occupied reason in the history; Agent Metrics shows reasons only when AWAY (§11.3)
        const want = { type: 1, sub: SUB[r.currentStatus], reason: Number(r.currentStatusReason ?? 0), time: r.currentStatusStartTimeL };
        const historyReason = c && (c.statusSubType === 3 && occupied.has(c.statusReasonId) ? 0 : c.statusReasonId);
        const got = c && { type: c.statusType, sub: c.statusSubType, reason: historyReason, time: Date.parse(c.time) };
        if (!got || JSON.stringify(got) !== JSON.stringify(want)) {
          problems.push(`${at}: live ${r.currentStatus}${r.currentStatusReason ? `/${r.currentStatusReason}` : ''} since ${iso(r.currentStatusStartTimeL)}, last change ${c ? `${c.statusType}/${c.statusSubType}/${c.statusReasonId} at ${c.time} (seq ${c.sequenceNumber})` : 'none'}`);
        }
        loggedInSeen++;
      }
      for (const id of ids.filter(x => !live.has(x))) {
        const c = last.get(id);
        if (c && c.statusType !== 4) problems.push(`${iso(now)} agent ${id}: logged out, last change ${c.statusType}/${c.statusSubType} at ${c.time}`);
        loggedOutSeen++;
      }
      steps++;
      if (now >= START + 26 * HOUR) break;
      const r = await request(emu.url, 'POST', '/__control/clock', { body: { advanceMs: 5 * MIN } });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.nowMs, now + 5 * MIN, 'the clock moved by exactly the step');
      now = r.json.nowMs;
    }
    assert.equal(steps, 26 * 12 + 1);
    assert.ok(loggedInSeen > steps * 5 && loggedOutSeen > steps * 5, `${loggedInSeen} logged-in and ${loggedOutSeen} logged-out agent-steps`);
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems:\n${problems.slice(0, 30).join('\n')}`);
  });
});
