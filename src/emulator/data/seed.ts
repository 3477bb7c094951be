// The demo account's configuration, generated from the seed: skills, agent groups, users (agents,
// a few bots, the admin) and status reasons. Seed data may bypass validation on purpose (an agent
// nickname with HTML, a reason text with Markdown and emoji) so that UIs must escape them.
import { Rng } from './random';
import { FIRST_NAMES, LAST_NAMES } from './names';
import { NAMESAKE_SEATS, Rota, assignRotas, floorSeatOf } from './roster';

export const DAY_MS = 86_400_000;

export interface SeedSkill { id: number; name: string; deleted: boolean; description: string; skillOrder: number }
export interface SeedGroup { id: number; name: string; parentGroupId: number | null; isEnabled: boolean; deleted: boolean; description: string }
export interface SeedReason { id: number; text: string; state: 'Away' | 'Online' | 'Occupied'; enabled: boolean; deleted: boolean; order?: number }
export interface SeedAgent {
  index: number; id: number; loginName: string; nickname: string; fullName: string; employeeId: string;
  groupId: number; skillIds: number[]; userTypeId: 1 | 2; isEnabled: boolean; deleted: boolean;
  /** day index (epoch days) from which the agent no longer logs in (deleted/disabled users) */
  inactiveFromDay?: number;
  maxChats: number; maxAsyncChats: number; pictureUrl?: string; profileIds: number[];
  assignmentDate: string;
  /** when the agent works (roster.ts) */
  rota: Rota;
}

const SKILL_NAMES = ['Billing', 'Tech Support', 'Sales', 'Retention', 'Onboarding', 'VIP', 'Spanish', 'French', 'German', 'Claims', 'Shipping', 'Returns'];

export function seedSkills(): SeedSkill[] {
  const skills = SKILL_NAMES.map((name, i) => ({ id: 2434921912 + i * 100, name, deleted: false, description: `${name} conversations`, skillOrder: i + 1 }));
  skills.push({ id: 2434921912 + SKILL_NAMES.length * 100, name: 'Legacy Chat', deleted: true, description: 'Retired chat skill', skillOrder: 99 });
  return skills;
}

export const BOTS_GROUP_ID = 3101779512;
export function seedGroups(): SeedGroup[] {
  const g = (k: number) => 3101778812 + k * 100;
  return [
    { id: -1, name: 'Main Group', parentGroupId: null, isEnabled: true, deleted: false, description: 'Root group' },
    { id: g(0), name: 'Customer Care', parentGroupId: -1, isEnabled: true, deleted: false, description: 'All care tiers' },
    { id: g(1), name: 'Tier 1 – Americas', parentGroupId: g(0), isEnabled: true, deleted: false, description: 'Front line, Americas' },
    { id: g(2), name: 'Tier 1 – EMEA', parentGroupId: g(0), isEnabled: true, deleted: false, description: 'Front line, Europe' },
    { id: g(3), name: 'Tier 1 – APAC', parentGroupId: g(0), isEnabled: true, deleted: false, description: 'Front line, Asia-Pacific' },
    { id: g(4), name: 'Tier 2 – Escalations', parentGroupId: g(0), isEnabled: true, deleted: false, description: 'Escalations' },
    { id: g(5), name: 'Sales', parentGroupId: -1, isEnabled: true, deleted: false, description: 'Inbound sales' },
    { id: g(6), name: 'Night Shift', parentGroupId: -1, isEnabled: true, deleted: false, description: 'Overnight coverage' },
    { id: BOTS_GROUP_ID, name: 'Bots', parentGroupId: -1, isEnabled: true, deleted: false, description: 'Conversational bots' },
    { id: g(8), name: 'Legacy Team', parentGroupId: -1, isEnabled: false, deleted: true, description: 'Merged into Tier 2' },
  ];
}

export function seedReasons(): SeedReason[] {
  const r = (k: number, text: string, state: SeedReason['state'], enabled = true, deleted = false): SeedReason =>
    ({ id: 3201442712 + k * 100, text, state, enabled, deleted });
  return [
    r(0, 'Lunch break', 'Away'),
    r(1, 'Coffee break', 'Away'),
    r(2, 'Team meeting', 'Away'),
    r(3, 'Training', 'Away'),
    r(4, 'Coaching session', 'Away', false),
    r(5, 'Break 🍕 **now**', 'Away'),
    r(6, 'Technical issue', 'Away'),
    r(7, 'Personal time', 'Away'),
    r(8, 'Wrap-up', 'Occupied'),
    r(9, 'Back in 5', 'Occupied'),
    r(10, 'Available for chats', 'Online'),
    r(11, 'Smoking break', 'Away', true, true),
    r(12, 'Old meeting room', 'Away', false, true),
  ];
}

/** The admin (login user of the demo account); a user, not an agent. */
export const ADMIN_USER_ID = 3705342510;

export function seedAgents(seed: number, count: number, startDay: number, groups: SeedGroup[], skills: SeedSkill[]): SeedAgent[] {
  const liveSkills = skills.filter(s => !s.deleted);
  const humanGroups = groups.filter(g => !g.deleted && g.id !== BOTS_GROUP_ID && g.id !== -1 && g.parentGroupId !== null);
  const agents: SeedAgent[] = [];
  const usedLogins = new Map<string, number>();
  let namesake: readonly [string, string] | undefined;
  const isBotAt = (i: number) => i % 33 === 7;
  const activeHuman = (i: number) => !isBotAt(i) && i % 97 !== 50 && i % 89 !== 41;
  let humans = 0;
  for (let i = 0; i < count; i++) if (activeHuman(i)) humans++;
  let rank = 0;
  for (let i = 0; i < count; i++) {
    const rng = new Rng(seed, i, 0x5eed);
    const isBot = isBotAt(i);
    const deleted = !isBot && i % 97 === 50;
    const disabled = !isBot && i % 89 === 41;
    // the floor (roster.ts): two skills or more, groups in turn, the namesake seats share one first name
    const seat = activeHuman(i) ? floorSeatOf(rank++, humans) : undefined;
    const id = 3705342610 + i * 100;
    let nickname: string, fullName: string, base: string;
    if (isBot) {
      const skill = rng.pick(liveSkills);
      nickname = `${skill.name} Bot ${Math.floor(i / 33) + 1}`;
      fullName = nickname;
      base = `bot.${skill.name.toLowerCase().replace(/[^a-z]+/g, '')}.${Math.floor(i / 33) + 1}`;
    } else if (i === 3) {
      nickname = '<b>Zoë</b> & Co';
      fullName = 'Zoë Co';
      base = 'zoe.co';
    } else {
      const picked = rng.pick(FIRST_NAMES);
      if (seat !== undefined && (NAMESAKE_SEATS as readonly number[]).includes(seat)) namesake ??= picked;
      const [first, firstAscii] = seat !== undefined && (NAMESAKE_SEATS as readonly number[]).includes(seat) ? namesake! : picked;
      const [last, lastAscii] = rng.pick(LAST_NAMES);
      nickname = first;
      fullName = `${first} ${last}`;
      base = `${firstAscii}.${lastAscii}`;
    }
    const seen = usedLogins.get(base) ?? 0;
    usedLogins.set(base, seen + 1);
    const loginName = `${seen ? `${base}${seen + 1}` : base}@example.com`;
    const group = isBot ? groups.find(g => g.id === BOTS_GROUP_ID)!
      : seat !== undefined ? humanGroups[seat % humanGroups.length]
        : rng.chance(0.08) ? groups[0] : rng.pick(humanGroups);
    const skillIds = distinctPicks(rng, liveSkills, isBot ? 1 : seat !== undefined ? rng.int(2, 3) : rng.int(1, 3)).map(x => x.id);
    agents.push({
      index: i, id, loginName, nickname, fullName,
      employeeId: `E-${1000 + i}`,
      groupId: group.id, skillIds,
      userTypeId: isBot ? 2 : 1,
      isEnabled: !deleted && !disabled, deleted,
      inactiveFromDay: deleted ? startDay - 20 : disabled ? startDay - 10 : undefined,
      maxChats: isBot ? 20 : rng.int(3, 8),
      maxAsyncChats: isBot ? 50 : rng.int(4, 12),
      pictureUrl: rng.chance(0.3) ? `https://example.com/avatars/${id}.png` : undefined,
      profileIds: [isBot ? 2359273812 : 2359273612],
      assignmentDate: `2024-0${rng.int(1, 9)}-1${rng.int(0, 9)} 09:${String(rng.int(10, 59))}:${String(rng.int(10, 59))}`,
      rota: { kind: 'floor', seat: 0 }, // assigned below, over all agents
    });
  }
  const { rotas } = assignRotas(seed, agents);
  for (const a of agents) a.rota = rotas[a.index];
  return agents;
}

function distinctPicks<T>(rng: Rng, list: readonly T[], count: number): T[] {
  const pool = list.slice();
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  return out;
}
