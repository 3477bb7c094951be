// Users, Skills and Agent Groups (Account Configuration, liveperson-api.md §6): whole collections,
// `select` field selection, `include_deleted`, get by id. Users hide fullName and employeeId (blank).
import { Ctx, Reply, badRequest, fail, ok } from '../http';
import type { EmulatorState } from '../state';
import { ADMIN_USER_ID, SeedAgent } from '../data/seed';
import { acDate } from '../data/format';
import { checkVersion, notModified } from './statusReasons';

type Row = Record<string, unknown>;

/** YOGA-style `select`: comma-separated top-level fields (nested `a(b)` keeps `a`); `$all` = everything. */
function applySelect(rows: Row[], select: string | null, defaults?: string[]): Row[] {
  const fields = select === null ? defaults : select.trim() === '$all' ? undefined : select.split(',').map(f => f.trim().replace(/\(.*$/, '')).filter(Boolean);
  if (!fields) return rows;
  return rows.map(r => Object.fromEntries(fields.filter(f => f in r).map(f => [f, r[f]])));
}

function list(ctx: Ctx, state: EmulatorState, rows: Row[], isDeleted: (r: Row) => boolean, defaults?: string[]): Reply {
  const includeDeleted = ctx.query.get('include_deleted') === 'true';
  const id = ctx.params.id;
  if (id !== undefined) {
    if (!/^-?\d{1,18}$/.test(id)) return badRequest('ac', [`id: must be a number, got "${id.slice(0, 30)}"`]);
    const row = rows.find(r => String(r.id) === id);
    if (!row || (isDeleted(row) && !includeDeleted)) return fail('ac', 404, `Item ${id} not found`);
    return notModified(state, ctx) ?? ok(applySelect([row], ctx.query.get('select'), defaults)[0]);
  }
  return notModified(state, ctx) ?? ok(applySelect(rows.filter(r => includeDeleted || !isDeleted(r)), ctx.query.get('select'), defaults));
}

function userRow(a: SeedAgent, updated: string): Row {
  const row: Row = {
    id: a.id, pid: `pid-${a.id}`, deleted: a.deleted, loginName: a.loginName, fullName: '', nickname: a.nickname,
    email: a.loginName, employeeId: '', isEnabled: a.isEnabled, skillIds: a.skillIds,
    memberOf: { agentGroupId: a.groupId, assignmentDate: a.assignmentDate }, managerOf: [],
    profileIds: a.profileIds, lobIds: [], userTypeId: a.userTypeId, isApiUser: a.userTypeId === 2,
    maxChats: a.maxChats, maxAsyncChats: a.maxAsyncChats, dateUpdated: updated,
  };
  if (a.pictureUrl) row.pictureUrl = a.pictureUrl;
  return row;
}

export function users(state: EmulatorState, ctx: Ctx): Reply {
  const bad = checkVersion(ctx, 4.0);
  if (bad) return bad;
  const updated = acDate(state.now() - 3 * 86_400_000);
  const admin: Row = {
    id: ADMIN_USER_ID, pid: `pid-${ADMIN_USER_ID}`, deleted: false, loginName: 'admin', fullName: '', nickname: 'Admin',
    email: 'admin@example.com', employeeId: '', isEnabled: true, skillIds: [], memberOf: { agentGroupId: -1, assignmentDate: '2023-01-01 00:00:00' },
    managerOf: [{ agentGroupId: -1, assignmentDate: '2023-01-01 00:00:00' }], profileIds: [2359273512], lobIds: [], userTypeId: 1,
    isApiUser: false, maxChats: 0, maxAsyncChats: 0, dateUpdated: updated,
  };
  const rows = [admin, ...state.data.agents.map(a => userRow(a, updated))];
  return list(ctx, state, rows, r => r.deleted === true);
}

export function skills(state: EmulatorState, ctx: Ctx): Reply {
  const bad = checkVersion(ctx);
  if (bad) return bad;
  const updated = acDate(state.now() - 30 * 86_400_000);
  const rows = state.data.skills.map(s => ({ ...s, dateUpdated: updated }));
  return list(ctx, state, rows, r => r.deleted === true, ['id', 'deleted', 'name']);
}

export function agentGroups(state: EmulatorState, ctx: Ctx): Reply {
  const bad = checkVersion(ctx);
  if (bad) return bad;
  const updated = acDate(state.now() - 30 * 86_400_000);
  const rows = state.data.groups.map(g => ({ id: g.id, name: g.name, parentGroupId: g.parentGroupId, isEnabled: g.isEnabled, deleted: g.deleted, description: g.description, dateUpdated: updated }));
  return list(ctx, state, rows, r => r.deleted === true);
}
