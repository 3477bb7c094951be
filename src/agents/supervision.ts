// Supervision for Live Agents: the time-limit policy and staffing floors read from the settings
// (re-read on change; a bad entry is logged once and skipped), unknown floor names logged once, and
// the optional notifications — one per agent per episode (not again until the agent's state,
// reason or connection changes), batched when several cross at once, and one per floor shortfall
// until it recovers. Offers Show (reveal in the tree) and Open Timeline.
import * as vscode from 'vscode';
import type { FeatureContext } from '../platform/featureContext';
import { compileLimits, type LimitPolicy, parseStaffingFloors, parseTimeLimits, type StaffingFloor } from '../domain/timeLimits';
import type { AgentRow, RowLookups } from './agentRow';
import type { LimitHit } from './overLimit';
import { evaluateFloors, type FloorStatus } from './staffingFloors';

export const SHOW_ACTION = 'Show';
export const OPEN_TIMELINE_ACTION = 'Open Timeline';
/** agents named in one batched notification before "and N more" */
const NAMES_SHOWN = 3;

export interface SupervisionActions {
  /** reveal and select these agents in Live Agents */
  reveal(agentIds: readonly string[]): Promise<void>;
  displayName(agentId: string): string;
}

export class Supervision {
  private policyValue: LimitPolicy | undefined;
  private floorsValue: StaffingFloor[] | undefined;
  private readonly reported = new Set<string>();
  /** agent id → the episode already notified */
  private notified = new Map<string, string>();
  /** floors (by label) already notified as short */
  private shortNotified = new Set<string>();

  constructor(private readonly ctx: FeatureContext, private readonly actions: SupervisionActions) {}

  /** The compiled limits (cached until a setting changes). */
  get policy(): LimitPolicy {
    if (!this.policyValue) {
      const parsed = parseTimeLimits(this.ctx.settings.get('agents.timeLimits'));
      this.reportOnce(parsed.problems);
      const disconnected = Number(this.ctx.settings.get('agents.disconnectedLimitMinutes'));
      this.policyValue = compileLimits(parsed.items, Number.isFinite(disconnected) && disconnected > 0 ? Math.min(disconnected, 1440) : undefined);
    }
    return this.policyValue;
  }

  get floors(): readonly StaffingFloor[] {
    if (!this.floorsValue) {
      const parsed = parseStaffingFloors(this.ctx.settings.get('agents.minimumOnline'));
      this.reportOnce(parsed.problems);
      this.floorsValue = parsed.items;
    }
    return this.floorsValue;
  }

  /** Every problem reported so far (bad entries, unknown names), each once — the settings.json hover shows them. */
  get problems(): readonly string[] {
    return [...this.reported];
  }

  /** Forget the compiled settings (a setting changed); true when the key is one of ours. */
  settingChanged(key: string): boolean {
    if (key === 'agents.timeLimits' || key === 'agents.disconnectedLimitMinutes') this.policyValue = undefined;
    else if (key === 'agents.minimumOnline') this.floorsValue = undefined;
    else return key === 'agents.notifyOverLimit';
    return true;
  }

  /** Each floor's state now; names that match no group or skill are logged once. */
  evaluateFloors(rows: readonly AgentRow[], lookups: RowLookups): FloorStatus[] {
    if (!this.floors.length) return [];
    const ev = evaluateFloors(this.floors, rows, lookups);
    // only once the lookups are in: before that every name is "unknown"
    if (lookups.groups.size || lookups.skills.size) this.reportOnce(ev.unknown.map(n => `liveperson.agents.minimumOnline: no ${n} in this account; that floor is ignored.`));
    return ev.statuses;
  }

  /** After each render: notify new over-limit episodes and new floor shortfalls (when the setting is on). */
  observe(hits: ReadonlyMap<string, LimitHit>, floors: readonly FloorStatus[]): void {
    const fresh: string[] = [];
    const next = new Map<string, string>();
    for (const [id, hit] of hits) {
      next.set(id, hit.episode);
      if (this.notified.get(id) !== hit.episode) fresh.push(id);
    }
    this.notified = next;
    const short = floors.filter(f => !f.met);
    const freshShort = short.filter(f => !this.shortNotified.has(f.label));
    this.shortNotified = new Set(short.map(f => f.label));
    if (!this.ctx.settings.get('agents.notifyOverLimit')) return;
    if (fresh.length) void this.notifyOverLimit(fresh);
    if (freshShort.length) void this.notifyShort(freshShort);
  }

  /** Sign-out / account switch: a new account's agents are all new episodes. */
  reset(): void {
    this.notified.clear();
    this.shortNotified.clear();
  }

  private async notifyOverLimit(ids: string[]): Promise<void> {
    const names = ids.slice(0, NAMES_SHOWN).map(id => this.actions.displayName(id));
    const more = ids.length > NAMES_SHOWN ? ` and ${ids.length - NAMES_SHOWN} more` : '';
    const message = ids.length === 1 ? `${names[0]} is over their time limit.` : `${ids.length} agents over their time limit: ${names.join(', ')}${more}.`;
    const action = await this.ctx.prompter.warn(message, SHOW_ACTION, OPEN_TIMELINE_ACTION);
    if (action === SHOW_ACTION) await this.actions.reveal(ids);
    else if (action === OPEN_TIMELINE_ACTION) await vscode.commands.executeCommand('liveperson.timeline.open', { agentIds: ids });
  }

  private async notifyShort(floors: FloorStatus[]): Promise<void> {
    const text = floors.map(f => `${f.label}: ${f.online} online, needs ${f.needs}`).join('; ');
    const action = await this.ctx.prompter.warn(`Below the staffing floor — ${text}.`, SHOW_ACTION);
    if (action === SHOW_ACTION) await vscode.commands.executeCommand('liveperson.agents.focus');
  }

  private reportOnce(lines: readonly string[]): void {
    for (const l of lines) {
      if (this.reported.has(l)) continue;
      this.reported.add(l);
      this.ctx.log.warn(l);
    }
  }
}
