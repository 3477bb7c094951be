// Check Permissions, worded: one row per probed API (src/api/permissionProbes.ts) — passed, refused
// with the exact permission (as the other 403 texts name it: APIS in src/api/httpErrors.ts) and how
// to get it, or not checked and why. Pure and free of `vscode`: unit-tested in plain Node.
import type { LivePersonError } from '../api/errors';
import { APIS } from '../api/httpErrors';
import { SENTINEL_API } from '../api/auth/clientCredentials';
import type { ProbeId, ProbeOutcome } from '../api/permissionProbes';
import { redact } from '../api/redact';
import type { Credentials } from '../api/types';

export type RowVerdict = 'allowed' | 'denied' | 'notChecked' | 'unreachable';

export interface PermissionRow {
  id: ProbeId;
  /** e.g. "Agent Activity" */
  label: string;
  verdict: RowVerdict;
  /** codicon: pass, error or warning */
  icon: 'pass' | 'error' | 'warning';
  /** one short phrase: "allowed", "missing permission: …" */
  summary: string;
  /** what to do (or how it was proved), redacted */
  detail: string;
}

export const ROW_LABELS: Record<ProbeId, string> = {
  csds: 'Domain API (CSDS)',
  statusReasonsRead: 'Status reasons: read',
  statusReasonsWrite: 'Status reasons: write',
  agentMetrics: 'Agent Metrics',
  agentActivity: 'Agent Activity',
  sentinel: 'OAuth 2.0 token service (Sentinel)',
};

const PERMISSION: Record<ProbeId, string> = {
  csds: APIS.csds.permission,
  statusReasonsRead: APIS.statusReasonsRead.permission,
  statusReasonsWrite: APIS.statusReasonsWrite.permission,
  agentMetrics: APIS.agentMetrics.permission,
  agentActivity: APIS.agentActivity.permission,
  sentinel: SENTINEL_API.permission,
};

/** The rows for one account; the sentinel row only for OAuth 2.0 client credentials. */
export function permissionRows(outcomes: readonly ProbeOutcome[], method: Credentials['kind']): PermissionRow[] {
  return outcomes.filter(o => o.id !== 'sentinel' || method === 'oauth2').map(o => rowOf(o, method));
}

export function rowOf(o: ProbeOutcome, method: Credentials['kind']): PermissionRow {
  const label = ROW_LABELS[o.id];
  if (o.ok === true) {
    return { id: o.id, label, verdict: 'allowed', icon: 'pass', summary: o.id === 'csds' ? 'reachable' : 'reachable and allowed', detail: redact(o.note ? ensureStop(capital(o.note)) : 'Nothing to do.') };
  }
  if (o.ok === undefined) return { id: o.id, label, verdict: 'notChecked', icon: 'warning', summary: 'not checked', detail: redact(ensureStop(capital(o.reason))) };
  return refused(o.id, label, o.error, method);
}

function refused(id: ProbeId, label: string, e: LivePersonError, method: Credentials['kind']): PermissionRow {
  const said = `The server said: ${redact(e.message)}`;
  const perm = PERMISSION[id];
  // Agent Activity does not take a username/password login (panelErrors.ts apiKeyNeeded)
  if (id === 'agentActivity' && method === 'login' && (e.kind === 'permission' || e.kind === 'auth')) {
    return {
      id, label, verdict: 'denied', icon: 'error', summary: 'refused for a username/password login',
      detail: `Agent Activity takes an API key (OAuth 1.0a) with the “${perm}” permission, or OAuth 2.0 client credentials: sign in to the same account with one of those (an account administrator can create either). ${said}`,
    };
  }
  // Agent Metrics documented for API keys (agents/apiKeyNeeded.ts agentMetricsNeedsKey)
  if (id === 'agentMetrics' && (method === 'oauth2' ? e.kind === 'permission' : method === 'login' && (e.kind === 'permission' || e.kind === 'auth'))) {
    const how = method === 'oauth2' ? 'OAuth 2.0 client credentials' : 'a username and password';
    return {
      id, label, verdict: 'denied', icon: 'error', summary: 'needs an API key',
      detail: `This server does not accept ${how} for Agent Metrics: sign in to the same account with an API key (OAuth 1.0a) that has the “${perm}” permission. ${said}`,
    };
  }
  switch (e.kind) {
    case 'permission':
      return {
        id, label, verdict: 'denied', icon: 'error', summary: `missing permission: ${perm}`,
        detail: `Ask an account administrator to grant “${perm}” to this user or API key, or sign in with a key that has it. ${said}`,
      };
    case 'auth':
      return { id, label, verdict: 'denied', icon: 'error', summary: 'credentials refused', detail: `${ensureStop(redact(e.hint))} ${said}` };
    case 'notFound':
      return { id, label, verdict: 'unreachable', icon: 'warning', summary: 'not available on this account', detail: `${ensureStop(redact(e.hint))} ${said}` };
    default:
      return { id, label, verdict: 'unreachable', icon: 'warning', summary: 'could not check (not reachable)', detail: `${ensureStop(redact(e.hint))} ${said}` };
  }
}

/** One log line per row (redacted). */
export function logLines(accountId: string, rows: readonly PermissionRow[]): string[] {
  return [`Check Permissions for account ${accountId}:`, ...rows.map(r => redact(`  ${r.label}: ${r.verdict} — ${r.summary}. ${r.detail}`))];
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function ensureStop(s: string): string {
  const t = s.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
