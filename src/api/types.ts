// Public data types and the client interface of the LivePerson API layer. No `vscode` here.
// Ids are normalised to strings everywhere (liveperson-api.md §7).

// The status vocabulary, a status reason and an Agent Activity state change are domain types
// (src/domain): the API layer speaks them, the domain never imports the API layer.
import type { MetricsStatus, ReasonState } from '../domain/agentState';
import type { StatusChange } from '../domain/statusChange';
import type { StatusReason } from '../domain/statusReason';
import type { ProbeOutcome } from './permissionProbes';
export { REASON_STATES, type MetricsStatus, type ReasonState } from '../domain/agentState';
export type { StatusReason } from '../domain/statusReason';
export type { StatusChange } from '../domain/statusChange';

export interface NewStatusReason {
  text: string;
  state: ReasonState;
  enabled: boolean;
  order?: number;
}
export interface StatusReasonList {
  items: StatusReason[];
  /** The account's Account Configuration revision (`ac-revision`) of this answer. */
  revision: string;
}

export type ConnectionState = 'CONNECTED' | 'DISCONNECTED';

export interface AgentStatusRecord {
  agentId: string;
  agentName?: string;
  agentNickname?: string;
  agentLoginName?: string;
  agentGroupId?: string;
  agentGroupName?: string;
  agentSkills: { skillId: string; skillName?: string }[];
  currentStatus: MetricsStatus;
  currentStatusStartTime?: number; // epoch ms
  currentStatusDuration?: number; // ms
  currentStatusReason?: string; // status reason id
  currentStatusReasonStartTime?: number;
  currentStatusReasonDuration?: number;
  lastUpdatedTime?: number;
  load?: number;
  ringingSlots?: number;
  configuredMaxSlots?: number;
  busySlots?: number;
  openAssignedConversations?: number;
  intenseConversations?: number;
  agentPresence?: boolean;
  currentConnectionState?: ConnectionState;
}

export interface AgentMetricsFilter {
  status?: MetricsStatus[];
  agentIds?: string[];
  skillIds?: string[];
  agentGroupIds?: string[];
  agentPresence?: boolean;
  connectionStates?: ConnectionState[];
  /** epoch ms: how far back to look for connected agents */
  timestampFrom?: number;
}
export interface AgentStatusPage {
  records: AgentStatusRecord[];
  /** total matching records (`_metadata.count`) */
  count: number;
  partialResult: boolean;
}
export interface AllAgentsResult {
  records: AgentStatusRecord[];
  count: number;
  /** the list may be incomplete: a page answered partialResult, or pages failed (failedPages > 0) */
  partialResult: boolean;
  /** some page answered partialResult (LivePerson's shards) */
  serverPartial: boolean;
  /** pages asked for (answered + failed) */
  pages: number;
  /** pages that still failed after every retry; their agents are not in `records` */
  failedPages: number;
  /** how many agents the failed pages would have held, by the server's count (≈: agents move between pages) */
  missingAgents: number;
}
export interface AgentSummary {
  openAssignedConversations?: number;
  weightedAvgLoad?: number;
  minLoad?: number;
  maxLoad?: number;
  numAwayAgents?: number;
  numBackSoonAgents?: number;
  numOnlineAgents?: number;
  [k: string]: number | undefined;
}
/** The service that answered the account summary (liveperson-api.md §4.2, §9). */
export type SummarySource = 'agentManagerWorkspace' | 'msgHist';
/** What `agentMetrics.summary()` answers: the numbers, and which service gave them. */
export interface AgentSummaryResult {
  results: AgentSummary;
  source: SummarySource;
}

export interface StatusChangesQuery {
  from: number; // epoch ms
  to: number; // epoch ms
  agentId?: string;
  empId?: string;
  groupId?: string;
  /** v2 page size, ≤ 5000 (default 5000: the fewest round trips) */
  limit?: number;
  /** how far back the account serves history: 6 (default) or 13 months (liveperson-api.md §5.1) */
  lookBackMonths?: number;
}
export interface ActivityProgress {
  /** state changes received so far */
  received: number;
  /** pages fetched so far */
  pages: number;
  /** best estimate of the total pages, when the server said (`last` link) */
  totalPages?: number;
  /** chunk index and count when the range was split into ≤ 1 month windows */
  chunk: number;
  chunks: number;
}

export interface User {
  id: string;
  loginName: string;
  nickname?: string;
  /** nickname, else loginName */
  displayName: string;
  deleted: boolean;
  isEnabled: boolean;
  skillIds: string[];
  agentGroupId?: string;
  userTypeId?: number;
  employeeId?: string;
}
export interface Skill { id: string; name: string; deleted: boolean }
export interface AgentGroup { id: string; name: string; parentGroupId?: string; deleted: boolean; isEnabled: boolean }

export interface RequestOptions {
  signal?: AbortSignal;
}

/** A signed-in connection to one LivePerson account. */
export interface LivePersonClient {
  readonly accountId: string;
  /** The server's clock (its answers' Date header; the local clock while they agree within 2 s). */
  serverNow(): number;
  /** Checks the credentials: CSDS + a cheap authenticated call. Throws a typed error. */
  verify(opts?: RequestOptions): Promise<void>;

  readonly statusReasons: {
    /** Last `ac-revision` seen from any Account Configuration answer. */
    readonly revision: string | undefined;
    list(opts?: RequestOptions & { includeDeleted?: boolean }): Promise<StatusReasonList>;
    get(id: string, opts?: RequestOptions & { includeDeleted?: boolean }): Promise<StatusReason>;
    create(reason: NewStatusReason, opts?: RequestOptions): Promise<StatusReason>;
    /** One POST with an array body; all-or-nothing. */
    createMany(reasons: NewStatusReason[], opts?: RequestOptions): Promise<StatusReason[]>;
    /** PUT the full object with `If-Match` = last revision seen (or `opts.revision`). 409/412 → ConflictError. */
    update(reason: StatusReason, opts?: RequestOptions & { revision?: string }): Promise<StatusReason>;
    /** Soft delete with `If-Match`. 409/412 → ConflictError. */
    delete(id: string, opts?: RequestOptions & { revision?: string }): Promise<void>;
  };

  readonly agentMetrics: {
    status(filter?: AgentMetricsFilter, page?: { offset?: number; limit?: number; sort?: string }, opts?: RequestOptions): Promise<AgentStatusPage>;
    /** First page, then the remaining pages (≤ 6 in flight). `knownCount` lets a refresh fetch every page at once. Failed pages are retried, then reported (failedPages), not thrown. */
    allAgents(filter?: AgentMetricsFilter, opts?: RequestOptions & { pageSize?: number; concurrency?: number; knownCount?: number }): Promise<AllAgentsResult>;
    /** The account summary: agentManagerWorkspace first, msgHist when the account lacks it (or its path answers 404); `source` says which answered. */
    summary(filter?: AgentMetricsFilter, opts?: RequestOptions): Promise<AgentSummaryResult>;
  };

  readonly agentActivity: {
    /** Validates the range (throws RangeRuleError), splits it into ≤ 1 month chunks, follows `next` to the end. */
    statusChanges(query: StatusChangesQuery, opts?: RequestOptions & { onProgress?: (p: ActivityProgress) => void }): Promise<StatusChange[]>;
  };

  readonly users: { list(opts?: RequestOptions & { includeDeleted?: boolean }): Promise<User[]> };
  readonly skills: { list(opts?: RequestOptions & { includeDeleted?: boolean }): Promise<Skill[]> };
  readonly agentGroups: { list(opts?: RequestOptions & { includeDeleted?: boolean }): Promise<AgentGroup[]> };
  readonly lookups: Lookups;

  /** One safe probe per API (CSDS, status reasons read/write, Agent Metrics, Agent Activity, sentinel), in parallel, each with a timeout. */
  checkPermissions(opts?: RequestOptions & { timeoutMs?: number }): Promise<ProbeOutcome[]>;

  /** Resolves once no write is in flight (its answer and any read-back included). */
  settled(): Promise<void>;
  /** Ends the session (login: logout call; stops keep-alive). Safe to call twice. */
  dispose(): Promise<void>;
}

/** The four ways to authenticate (secrets are kept only in SecretStorage by the extension). */
export type Credentials =
  | { kind: 'login'; username: string; password: string }
  | { kind: 'oauth1'; appKey: string; secret: string; accessToken: string; accessTokenSecret: string }
  /** OAuth 2.0 client credentials: the client asks the account's `sentinel` service for a bearer (never stored) */
  | { kind: 'oauth2'; clientId: string; clientSecret: string }
  | { kind: 'bearer'; token: string };

/** Id → name tables for joins (liveperson-api.md §6, §7), cached per client. */
export interface LookupTables {
  /** every reason, deleted ones included */
  reasons: ReadonlyMap<string, StatusReason>;
  users: ReadonlyMap<string, User>;
  skills: ReadonlyMap<string, Skill>;
  groups: ReadonlyMap<string, AgentGroup>;
  loadedAt: number;
}
export interface Lookups {
  /** Loads (once, then cached for `maxAgeMs`, default 5 min) users, skills, groups and reasons incl. deleted. */
  load(opts?: RequestOptions & { maxAgeMs?: number }): Promise<LookupTables>;
  /** Forget the cache (e.g. after a status reason was created or renamed). */
  invalidate(): void;
}
