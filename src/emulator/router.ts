// The route table: method + path pattern → route name (for stats), backend (error shapes),
// permission and handler.
import type { Ctx, Backend, Reply } from './http';
import type { EmulatorState, Permission } from './state';
import type { RouteName } from './types';
import { csdsAll, csdsOne } from './routes/csds';
import { login, logout, refresh } from './auth/login';
import { clientToken } from './auth/clientTokens';
import { createReasons, deleteReason, getReason, listReasons, updateReason } from './routes/statusReasons';
import { queryReasons } from './routes/statusReasonsQuery';
import { agentGroups, skills, users } from './routes/lookups';
import { agentList, agentStatus, agentSummary } from './routes/agentView';
import { statusChanges } from './routes/activity';

export interface Route {
  method: string;
  pattern: RegExp;
  name: RouteName;
  backend: Backend;
  /** undefined: no authentication (CSDS, login service) */
  permission?: Permission;
  handler: (state: EmulatorState, ctx: Ctx) => Reply | Promise<Reply>;
}

const ACCT = '(?<acct>[^/]+)';
const AC = `^/api/account/${ACCT}/configuration`;
const r = (method: string, re: string, name: RouteName, backend: Backend, permission: Permission | undefined, handler: Route['handler']): Route =>
  ({ method, pattern: new RegExp(`${re}/?$`), name, backend, permission, handler });

export const ROUTES: Route[] = [
  r('GET', `^/api/account/${ACCT}/service/(?<svc>[^/]+)/baseURI\\.json`, 'csds.one', 'csds', undefined, csdsOne),
  r('GET', `^/api/account/${ACCT}/service/baseURI\\.json`, 'csds', 'csds', undefined, csdsAll),
  r('POST', `^/api/account/${ACCT}/login`, 'login', 'login', undefined, login),
  r('POST', `^/api/account/${ACCT}/refresh`, 'refresh', 'login', undefined, refresh),
  r('POST', `^/api/account/${ACCT}/logout`, 'logout', 'login', undefined, logout),
  r('POST', `^/sentinel/api(?:/v2)?/account/${ACCT}/app/token`, 'sentinel.token', 'sentinel', undefined, clientToken),
  r('POST', '^/api/account/configuration/le-agents/status-reasons/query', 'statusReasons.query', 'ac', 'ac.read', queryReasons),
  r('GET', `${AC}/le-agents/status-reasons`, 'statusReasons.list', 'ac', 'ac.read', listReasons),
  r('POST', `${AC}/le-agents/status-reasons`, 'statusReasons.create', 'ac', 'ac.write', createReasons),
  r('GET', `${AC}/le-agents/status-reasons/(?<id>[^/]+)`, 'statusReasons.get', 'ac', 'ac.read', getReason),
  r('PUT', `${AC}/le-agents/status-reasons/(?<id>[^/]+)`, 'statusReasons.update', 'ac', 'ac.write', updateReason),
  r('DELETE', `${AC}/le-agents/status-reasons/(?<id>[^/]+)`, 'statusReasons.delete', 'ac', 'ac.write', deleteReason),
  r('GET', `${AC}/le-users/users(?:/(?<id>[^/]+))?`, 'users', 'ac', 'ac.read', users),
  r('GET', `${AC}/le-users/skills(?:/(?<id>[^/]+))?`, 'skills', 'ac', 'ac.read', skills),
  r('GET', `${AC}/le-users/agentGroups(?:/(?<id>[^/]+))?`, 'agentGroups', 'ac', 'ac.read', agentGroups),
  r('POST', `^/messaging_history/api/account/${ACCT}/agent-view/status`, 'agentView.status', 'metrics', 'metrics', agentStatus),
  r('POST', `^/messaging_history/api/account/${ACCT}/agent-view/summary`, 'agentView.summary', 'metrics', 'metrics', agentSummary),
  r('POST', `^/manager_workspace/api/account/${ACCT}/agent_view/summary`, 'agentView.summary', 'metrics', 'metrics', agentSummary),
  r('POST', `^/messaging_history/api/account/${ACCT}/agent-view/list`, 'agentView.list', 'metrics', 'metrics', agentList),
  r('POST', `^/manager_workspace/api/account/${ACCT}/agent_view/list`, 'agentView.list', 'metrics', 'metrics', agentList),
  r('GET', `^/api/v2/account/${ACCT}/status-changes`, 'statusChanges', 'activity', 'activity', statusChanges),
];

export type Match = { route: Route; params: Record<string, string> } | { route: undefined; pathKnown: boolean; backend: Backend };

/** Finds the route; POST + X-HTTP-Method-Override: PUT|DELETE counts as that method. */
export function match(method: string, path: string, override: string | undefined): Match {
  const effective = method === 'POST' && override ? override.toUpperCase() : method;
  let pathKnown = false;
  let backend: Backend = 'metrics';
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathKnown = true;
    backend = route.backend;
    if (route.method !== effective) continue;
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) params[k] = safeDecode(v);
    return { route, params };
  }
  return { route: undefined, pathKnown, backend };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
