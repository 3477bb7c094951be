// Builders for Live Agents unit tests: Agent Metrics records, lookup tables and a fake clock.
import type { AgentStatusRecord, AgentGroup, Skill, StatusReason, User } from '../../../src/api/types';
import type { RowLookups } from '../../../src/agents/agentRow';
import type { Clock } from '../../../src/agents/refreshScheduler';

export const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

export function rec(id: string, over: Partial<AgentStatusRecord> = {}): AgentStatusRecord {
  return {
    agentId: id,
    agentNickname: `Agent ${id}`,
    agentLoginName: `agent${id}@example.com`,
    agentGroupId: '-1',
    agentGroupName: 'Main Group',
    agentSkills: [{ skillId: '11', skillName: 'Billing' }],
    currentStatus: 'ONLINE',
    currentStatusStartTime: T0 - 10 * 60_000,
    currentStatusDuration: 10 * 60_000,
    lastUpdatedTime: T0,
    load: 0.5,
    busySlots: 1,
    ringingSlots: 0,
    configuredMaxSlots: 2,
    openAssignedConversations: 1,
    intenseConversations: 0,
    agentPresence: true,
    currentConnectionState: 'CONNECTED',
    ...over,
  };
}

export function lookups(opts: { reasons?: StatusReason[]; users?: User[]; skills?: Skill[]; groups?: AgentGroup[] } = {}): RowLookups {
  return {
    reasons: new Map((opts.reasons ?? []).map(r => [r.id, r])),
    users: new Map((opts.users ?? []).map(u => [u.id, u])),
    skills: new Map((opts.skills ?? []).map(s => [s.id, s])),
    groups: new Map((opts.groups ?? []).map(g => [g.id, g])),
  };
}

export function result(records: AgentStatusRecord[], partialResult = false) {
  return { records, partialResult, count: records.length, pages: 1 };
}

/** A manual clock: timers fire only when `advance` passes their due time. */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  constructor(start = T0) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): number {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers.delete(h as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const t of this.timers.values()) if (min === undefined || t.at < min) min = t.at;
    return min;
  }
  /** Moves time forward by `ms`, firing due timers in order (and letting promises settle between them). */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await flush(); // let work started before the call settle at the current time
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
      await flush();
    }
    this.t = end;
    await flush();
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>(r => setImmediate(r));
}
