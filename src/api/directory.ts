// Users, Skills and Agent Groups (Account Configuration, liveperson-api.md §6): whole collections in
// one answer, ids as strings, user display name = nickname, else login name (fullName is blank).
import { idString, type ApiContext } from './apiContext';
import { APIS, badResponseError, type ApiLabel } from './httpErrors';
import type { AgentGroup, RequestOptions, Skill, User } from './types';

const USERS = '/api/account/{account}/configuration/le-users/users';
const SKILLS = '/api/account/{account}/configuration/le-users/skills';
const GROUPS = '/api/account/{account}/configuration/le-users/agentGroups';
export const USER_FIELDS = 'id,loginName,nickname,deleted,isEnabled,skillIds,memberOf,userTypeId,employeeId';

export function parseUser(raw: unknown): User | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  const id = idString(o.id);
  if (!id) return undefined;
  const loginName = typeof o.loginName === 'string' ? o.loginName : '';
  const nickname = typeof o.nickname === 'string' && o.nickname.trim() ? o.nickname : undefined;
  const u: User = {
    id,
    loginName,
    displayName: nickname ?? (loginName || id),
    deleted: o.deleted === true,
    isEnabled: o.isEnabled !== false,
    skillIds: Array.isArray(o.skillIds) ? o.skillIds.map(idString).filter((s): s is string => !!s) : [],
  };
  if (nickname) u.nickname = nickname;
  const group = idString((o.memberOf as Record<string, unknown> | undefined)?.agentGroupId);
  if (group) u.agentGroupId = group;
  if (typeof o.userTypeId === 'number') u.userTypeId = o.userTypeId;
  if (typeof o.employeeId === 'string' && o.employeeId) u.employeeId = o.employeeId;
  return u;
}

export function parseSkill(raw: unknown): Skill | undefined {
  const o = (raw ?? {}) as Record<string, unknown>;
  const id = idString(o.id);
  return id ? { id, name: typeof o.name === 'string' ? o.name : id, deleted: o.deleted === true } : undefined;
}

export function parseGroup(raw: unknown): AgentGroup | undefined {
  const o = (raw ?? {}) as Record<string, unknown>;
  const id = idString(o.id);
  if (!id) return undefined;
  const g: AgentGroup = { id, name: typeof o.name === 'string' ? o.name : id, deleted: o.deleted === true, isEnabled: o.isEnabled !== false };
  const parent = idString(o.parentGroupId);
  if (parent) g.parentGroupId = parent;
  return g;
}

async function fetchList<T>(ctx: ApiContext, path: string, query: Record<string, string | undefined>, api: ApiLabel, parse: (raw: unknown) => T | undefined, signal?: AbortSignal): Promise<T[]> {
  const res = await ctx.call<unknown>({ service: 'accountConfigReadOnly', method: 'GET', path, query, signal, api });
  if (!Array.isArray(res.body)) throw badResponseError(`a ${api.name} list that is not an array`, res.status, { method: 'GET', path: ctx.path(path), api });
  return res.body.map(parse).filter((x): x is T => x !== undefined);
}

export class Directory {
  constructor(private readonly ctx: ApiContext) {}

  readonly users = {
    list: (opts: RequestOptions & { includeDeleted?: boolean } = {}) =>
      fetchList(this.ctx, USERS, { v: '4.0', select: USER_FIELDS, include_deleted: opts.includeDeleted ? 'true' : undefined }, APIS.users, parseUser, opts.signal),
  };
  readonly skills = {
    list: (opts: RequestOptions & { includeDeleted?: boolean } = {}) =>
      fetchList(this.ctx, SKILLS, { v: '1.0', include_deleted: opts.includeDeleted ? 'true' : undefined }, APIS.skills, parseSkill, opts.signal),
  };
  readonly agentGroups = {
    list: (opts: RequestOptions & { includeDeleted?: boolean } = {}) =>
      fetchList(this.ctx, GROUPS, { v: '1.0', include_deleted: opts.includeDeleted ? 'true' : undefined }, APIS.agentGroups, parseGroup, opts.signal),
  };
}
