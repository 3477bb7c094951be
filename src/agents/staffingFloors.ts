// Staffing floors (`liveperson.agents.minimumOnline`): for each floor, the group/skill it names,
// how many agents are Online (and connected) there now, and whether that meets it. Names resolve
// against the lookups and the agents' own group/skill names (case- and accent-insensitive); a name
// that matches nothing is returned as unknown, for the caller to report once. No `vscode` import.
import { type StaffingFloor, textKey } from '../domain/timeLimits';
import type { AgentRow, RowLookups } from './agentRow';

export interface FloorStatus {
  floor: StaffingFloor;
  /** `Billing`, `skill Spanish`, `Billing · Spanish` */
  label: string;
  groupId?: string;
  skillId?: string;
  online: number;
  needs: number;
  met: boolean;
}

export interface FloorsEvaluation {
  /** one per floor whose names all resolved, in the setting's order */
  statuses: FloorStatus[];
  /** `group "Billng"`, `skill "Spansh"` — names that matched no group or skill */
  unknown: string[];
}

function index(entries: Iterable<{ id: string; name: string; deleted?: boolean }>): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of entries) if (!e.deleted && !m.has(textKey(e.name))) m.set(textKey(e.name), e.id);
  return m;
}

export function evaluateFloors(floors: readonly StaffingFloor[], rows: readonly AgentRow[], lookups: RowLookups): FloorsEvaluation {
  if (!floors.length) return { statuses: [], unknown: [] };
  const groups = index(lookups.groups.values());
  const skills = index(lookups.skills.values());
  for (const r of rows) {
    if (r.groupId !== undefined && r.groupName !== undefined && !groups.has(textKey(r.groupName))) groups.set(textKey(r.groupName), r.groupId);
    for (const s of r.skills) if (!skills.has(textKey(s.name))) skills.set(textKey(s.name), s.id);
  }
  const out: FloorsEvaluation = { statuses: [], unknown: [] };
  for (const floor of floors) {
    const groupId = floor.group !== undefined ? groups.get(textKey(floor.group)) : undefined;
    const skillId = floor.skill !== undefined ? skills.get(textKey(floor.skill)) : undefined;
    const missing = [
      ...(floor.group !== undefined && groupId === undefined ? [`group "${floor.group}"`] : []),
      ...(floor.skill !== undefined && skillId === undefined ? [`skill "${floor.skill}"`] : []),
    ];
    out.unknown.push(...missing);
    const bad = missing.length > 0;
    if (bad || (floor.group === undefined && floor.skill === undefined)) continue;
    let online = 0;
    for (const r of rows) {
      if (r.state !== 'online' || !r.connected) continue;
      if (groupId !== undefined && r.groupId !== groupId) continue;
      if (skillId !== undefined && !r.skills.some(s => s.id === skillId)) continue;
      online++;
    }
    const label = [floor.group, floor.skill !== undefined ? (floor.group !== undefined ? floor.skill : `skill ${floor.skill}`) : undefined].filter(Boolean).join(' · ');
    out.statuses.push({ floor, label, groupId, skillId, online, needs: floor.online, met: online >= floor.online });
  }
  return out;
}

/** `2 online · needs 4` */
export function floorText(s: FloorStatus): string {
  return `${s.online} online · needs ${s.needs}`;
}
