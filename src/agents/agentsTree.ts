// The Live Agents tree as nodes: stable node objects (one per tree id) grouped by status, group,
// skill or not at all, and the diff that says which nodes to refresh after a model change. No
// `vscode` import: the tree provider only maps these nodes to TreeItems and fires what `update`
// returns, and the unit tests and the benchmark drive exactly this code.
import type { AgentSelection } from '../platform/featureContext';
import { AGENT_STATES, AGENT_STATE_LABEL, type AgentState } from '../domain/agentState';
import type { AgentRow } from './agentRow';
import { type AgentFilter, compileFilter, isFilterActive } from './agentsFilter';
import { agentLabel, agingKey, collidingNames, type ItemPresentation, OVER_LIMIT_GROUP_KEY, presentAgent, presentGroup } from './agentPresentation';
import type { LimitPolicy } from '../domain/timeLimits';
import { evaluateLimit, type LimitHit } from './overLimit';
import type { FloorStatus } from './staffingFloors';

export type GroupBy = 'status' | 'group' | 'skill' | 'none';
export const GROUP_BY_VALUES: readonly GroupBy[] = ['status', 'group', 'skill', 'none'];

export class AgentNode implements AgentSelection {
  readonly kind = 'agent';
  /** bumped whenever `presentation` is rebuilt; the provider caches TreeItems per version */
  version = 0;
  presentation!: ItemPresentation;
  aging = '';
  /** the label shown (the display name, with the login name when another agent has the same name) */
  shownLabel = '';
  constructor(
    /** tree id: `agent:<id>` in the flat list, `agent:<parentKey>:<id>` under a group */
    readonly id: string,
    readonly agentId: string,
    readonly parent: GroupNode | undefined,
    public row: AgentRow,
  ) {}
  get agentIds(): readonly string[] {
    return [this.agentId];
  }
  get label(): string {
    return this.row.displayName;
  }
}

export class GroupNode implements AgentSelection {
  readonly kind = 'group';
  version = 0;
  presentation!: ItemPresentation;
  children: AgentNode[] = [];
  constructor(
    /** `agentGroup:<groupBy>:<key>` */
    readonly id: string,
    readonly groupBy: Exclude<GroupBy, 'none'>,
    readonly key: string,
    public name: string,
  ) {}
  get agentIds(): readonly string[] {
    return this.children.map(c => c.agentId);
  }
  get label(): string {
    return this.name;
  }
}

export type TreeNode = AgentNode | GroupNode;

/** What to tell VS Code after an update. */
export interface TreeDelta {
  /** the root's children changed (or everything, after a regroup): fire `undefined` */
  root: boolean;
  /** nodes to fire (empty when `root`) — groups whose children or counts changed, agents whose look changed */
  nodes: TreeNode[];
  /** how many node presentations were rebuilt (the re-rendered rows) */
  rerendered: number;
  /** of those, rebuilt only because the coarse time-in-status text moved */
  aged: number;
}

export interface TreeUpdateInput {
  rows: Iterable<AgentRow>;
  /** every user of the account by id → display name (the users lookup), to find namesakes beyond the logged-in agents */
  accountNames?: ReadonlyMap<string, string>;
  groupBy: GroupBy;
  filter: AgentFilter;
  now: number;
  /** the time limits (none: nobody is over) */
  limits?: LimitPolicy;
  /** staffing floors, shown on the group / skill node they name */
  floors?: readonly FloorStatus[];
}

interface GroupSpec {
  key: string;
  name: string;
  rows: AgentRow[];
  floor?: FloorStatus;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a: AgentRow, b: AgentRow) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);

export class AgentsTree {
  private groupBy: GroupBy | undefined;
  private groups: GroupNode[] = [];
  private flat: AgentNode[] = [];
  private agentNodes = new Map<string, AgentNode>();
  /** agent id → every node showing it (several under skill grouping) */
  private byAgent = new Map<string, AgentNode[]>();
  private groupById = new Map<string, GroupNode>();
  private hits: ReadonlyMap<string, LimitHit> = new Map();
  private nextLimitChange: number | undefined;

  roots(): readonly TreeNode[] {
    return this.groupBy === 'none' ? this.flat : this.groups;
  }
  children(node: TreeNode | undefined): readonly TreeNode[] {
    if (!node) return this.roots();
    return node.kind === 'group' ? node.children : [];
  }
  nodesOfAgent(agentId: string): readonly AgentNode[] {
    return this.byAgent.get(agentId) ?? [];
  }
  node(id: string): TreeNode | undefined {
    return this.agentNodes.get(id) ?? this.groupById.get(id);
  }
  /** every agent currently shown (after the filter), once each */
  visibleAgentIds(): string[] {
    return [...this.byAgent.keys()];
  }
  get visibleAgentCount(): number {
    return this.byAgent.size;
  }
  get currentGroupBy(): GroupBy | undefined {
    return this.groupBy;
  }
  /** every agent over a time limit (the whole account, not only the filtered ones) */
  get overLimit(): ReadonlyMap<string, LimitHit> {
    return this.hits;
  }
  /** when someone next crosses a limit or an "over by" minute moves: update again then */
  get nextLimitChangeAt(): number | undefined {
    return this.nextLimitChange;
  }

  update(input: TreeUpdateInput): TreeDelta {
    const regroup = input.groupBy !== this.groupBy;
    const all = [...input.rows];
    const hits = new Map<string, LimitHit>();
    let nextLimitChange: number | undefined;
    if (input.limits && !input.limits.empty) {
      for (const r of all) {
        const ev = evaluateLimit(r, input.limits, input.now);
        if (ev.hit) hits.set(r.agentId, ev.hit);
        if (ev.nextChangeAt !== undefined && (nextLimitChange === undefined || ev.nextChangeAt < nextLimitChange)) nextLimitChange = ev.nextChangeAt;
      }
    }
    this.hits = hits;
    this.nextLimitChange = nextLimitChange;
    const match = compileFilter(input.filter, id => hits.has(id));
    const rows = all.filter(match).sort(byName);
    // No visible agent → no groups either: the view's welcome content ("No agents match…") explains.
    const specs = input.groupBy === 'none' || rows.length === 0 ? [] : groupRows(rows, input.groupBy, input.filter.statuses);
    if (input.groupBy === 'status' && hits.size) {
      const over = rows.filter(r => hits.has(r.agentId));
      if (over.length) specs.unshift({ key: OVER_LIMIT_GROUP_KEY, name: 'Over limit', rows: over });
    }
    if ((input.groupBy === 'group' || input.groupBy === 'skill') && input.floors?.length) attachFloors(specs, input.groupBy, input.floors, !isFilterActive(input.filter));
    const delta: TreeDelta = { root: regroup, nodes: [], rerendered: 0, aged: 0 };
    const statusInDescription = input.groupBy !== 'status';
    const names = new Map(input.accountNames ?? []);
    for (const r of all) names.set(r.agentId, r.displayName);
    const colliding = collidingNames(names);
    const nextAgentNodes = new Map<string, AgentNode>();
    const nextByAgent = new Map<string, AgentNode[]>();

    /** Reuses (or creates) the node of `row` under `parent`; `touched` = an existing node whose look changed. */
    const place = (row: AgentRow, parent: GroupNode | undefined): { node: AgentNode; touched: boolean } => {
      const id = parent ? `agent:${parent.key}:${row.agentId}` : `agent:${row.agentId}`;
      const existing = regroup ? undefined : this.agentNodes.get(id);
      const node = existing ?? new AgentNode(id, row.agentId, parent, row);
      nextAgentNodes.set(id, node);
      const list = nextByAgent.get(row.agentId);
      if (list) list.push(node);
      else nextByAgent.set(row.agentId, [node]);
      const dataChanged = !existing || existing.row.fingerprint !== row.fingerprint;
      node.row = row;
      const hit = hits.get(row.agentId);
      const aging = hit ? `${agingKey(row, input.now)}|${Math.floor(hit.overMs / 60_000)}` : agingKey(row, input.now);
      const label = agentLabel(row, colliding);
      if (!dataChanged && aging === node.aging && label === node.shownLabel) return { node, touched: false };
      if (!dataChanged && aging !== node.aging) delta.aged++;
      node.presentation = presentAgent(row, input.now, { statusInDescription, label, limit: hit });
      node.aging = aging;
      node.shownLabel = label;
      node.version++;
      delta.rerendered++;
      return { node, touched: !!existing };
    };

    const toFire: TreeNode[] = [];
    if (input.groupBy === 'none') {
      const before = this.flat;
      const touched: AgentNode[] = [];
      this.flat = rows.map(row => {
        const { node, touched: t } = place(row, undefined);
        if (t) touched.push(node);
        return node;
      });
      if (!sameNodes(before, this.flat)) delta.root = true;
      else toFire.push(...touched);
      this.groups = [];
      this.groupById.clear();
    } else {
      const groupBy = input.groupBy;
      const nextGroups: GroupNode[] = [];
      const nextGroupById = new Map<string, GroupNode>();
      for (const spec of specs) {
        const id = `agentGroup:${groupBy}:${spec.key}`;
        let group = regroup ? undefined : this.groupById.get(id);
        const isNewGroup = !group;
        if (!group) group = new GroupNode(id, groupBy, spec.key, spec.name);
        const before = group.children;
        const touched: AgentNode[] = [];
        group.children = spec.rows.map(row => {
          const { node, touched: t } = place(row, group);
          if (t) touched.push(node);
          return node;
        });
        const stale = spec.rows.reduce((n, r) => n + (r.stale ? 1 : 0), 0);
        const presentation = presentGroup({ groupBy, key: spec.key, name: spec.name, count: spec.rows.length, stale, floor: spec.floor });
        const looksChanged = isNewGroup || group.name !== spec.name || !samePresentation(group.presentation, presentation);
        group.name = spec.name;
        if (looksChanged) {
          group.presentation = presentation;
          group.version++;
          delta.rerendered++;
        }
        if (!isNewGroup && (looksChanged || !sameNodes(before, group.children))) toFire.push(group);
        else if (!isNewGroup) toFire.push(...touched);
        nextGroups.push(group);
        nextGroupById.set(id, group);
      }
      if (!sameNodes(this.groups, nextGroups)) delta.root = true;
      this.groups = nextGroups;
      this.groupById = nextGroupById;
      this.flat = [];
    }
    this.agentNodes = nextAgentNodes;
    this.byAgent = nextByAgent;
    this.groupBy = input.groupBy;
    if (!delta.root) delta.nodes = toFire;
    return delta;
  }
}

function sameNodes(a: readonly TreeNode[], b: readonly TreeNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function samePresentation(a: ItemPresentation | undefined, b: ItemPresentation): boolean {
  return !!a && a.label === b.label && a.description === b.description && a.iconId === b.iconId && a.colorId === b.colorId && a.contextValue === b.contextValue;
}

/** Rows (already filtered and sorted by name) → groups in display order. */
function groupRows(rows: AgentRow[], groupBy: Exclude<GroupBy, 'none'>, onlyStatuses?: readonly AgentState[]): GroupSpec[] {
  if (groupBy === 'status') {
    // every status with its count (0 included) — but only the statuses a status filter keeps
    const states = onlyStatuses?.length ? AGENT_STATES.filter(s => onlyStatuses.includes(s)) : AGENT_STATES;
    const by = new Map(states.map(s => [s as string, [] as AgentRow[]]));
    for (const r of rows) by.get(r.state)?.push(r);
    return states.map(s => ({ key: s, name: AGENT_STATE_LABEL[s], rows: by.get(s)! }));
  }
  const specs = new Map<string, GroupSpec>();
  const add = (key: string, name: string, row: AgentRow) => {
    let spec = specs.get(key);
    if (!spec) specs.set(key, (spec = { key, name, rows: [] }));
    spec.rows.push(row);
  };
  for (const r of rows) {
    if (groupBy === 'group') add(r.groupId ?? 'none', r.groupName ?? 'No group', r);
    else if (r.skills.length === 0) add('none', 'No skill', r);
    else for (const s of r.skills) add(s.id, s.name, r);
  }
  return [...specs.values()].sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : collator.compare(a.name, b.name) || (a.key < b.key ? -1 : 1)));
}

/**
 * Puts each floor on the group / skill node it names (a floor naming both stays in the status bar);
 * with no filter active, a floor's group or skill with nobody logged in gets an empty node, so the
 * shortfall shows.
 */
function attachFloors(specs: GroupSpec[], groupBy: 'group' | 'skill', floors: readonly FloorStatus[], addMissing: boolean): void {
  const byKey = new Map(specs.map(s => [s.key, s]));
  for (const f of floors) {
    const key = groupBy === 'group' ? (f.skillId === undefined ? f.groupId : undefined) : f.groupId === undefined ? f.skillId : undefined;
    if (key === undefined) continue;
    let spec = byKey.get(key);
    if (!spec && addMissing) {
      spec = { key, name: groupBy === 'group' ? f.floor.group! : f.floor.skill!, rows: [] };
      byKey.set(key, spec);
      const at = specs.findIndex(s => s.key === 'none' || collator.compare(s.name, spec!.name) > 0);
      specs.splice(at < 0 ? specs.length : at, 0, spec);
    }
    if (spec) spec.floor = f;
  }
}
