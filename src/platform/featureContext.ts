// What every feature (statusReasons, agents, timeline) receives from the composition root
// (src/extension.ts). Features never reach for globals: everything they use comes through here.
import type * as vscode from 'vscode';
import type { Credentials, LivePersonClient } from '../api/types';
import type { Logger } from '../api/logger';
import type { Prompter } from './prompter';

export interface Log extends Logger {
  /** Reveal the "LivePerson" output channel. */
  show(): void;
}

export interface SettingsValues {
  csdsUrl: string;
  requestTimeoutSeconds: number;
  'agents.refreshIntervalSeconds': number;
  'agents.groupBy': 'status' | 'group' | 'skill' | 'none';
  /** raw: checked by domain/timeLimits parseTimeLimits */
  'agents.timeLimits': unknown;
  'agents.disconnectedLimitMinutes': number;
  'agents.notifyOverLimit': boolean;
  /** raw: checked by domain/timeLimits parseStaffingFloors */
  'agents.minimumOnline': unknown;
  'statusReasons.showDeleted': boolean;
  'statusReasons.usageRange': '24h' | '7d' | '30d';
  'timeline.timeZone': 'local' | 'utc';
  'timeline.defaultRange': '24h' | '7d' | '30d';
  'timeline.lookBackMonths': 6 | 13;
}
export type SettingKey = keyof SettingsValues;
export type SettingScope = 'user' | 'workspace';
export interface Settings {
  get<K extends SettingKey>(key: K): SettingsValues[K];
  /** Writes to the user (global) settings. */
  update<K extends SettingKey>(key: K, value: SettingsValues[K]): Promise<void>;
  /** The value set at one scope (undefined when that scope does not set it). */
  valueAt<K extends SettingKey>(key: K, scope: SettingScope): SettingsValues[K] | undefined;
  /** Writes at one scope (undefined removes the key there). */
  updateAt<K extends SettingKey>(key: K, value: SettingsValues[K] | undefined, scope: SettingScope): Promise<void>;
  /** Fires with each `liveperson.*` key that changed. */
  readonly onDidChange: vscode.Event<SettingKey>;
}

export type ViewLoadState = 'loading' | 'error' | 'empty' | 'ready';
export interface ContextKeyValues {
  'liveperson.signedIn': boolean;
  'liveperson.statusReasons.state': ViewLoadState;
  'liveperson.statusReasons.showDeleted': boolean;
  /** Show Reason Usage is on (the view's reasons carry their usage) */
  'liveperson.statusReasons.showUsage': boolean;
  'liveperson.agents.state': ViewLoadState;
  'liveperson.agents.filtered': boolean;
  'liveperson.agents.autoRefreshPaused': boolean;
}
export type ContextKey = keyof ContextKeyValues;
export interface ContextKeys {
  set<K extends ContextKey>(key: K, value: ContextKeyValues[K]): Promise<void>;
  get<K extends ContextKey>(key: K): ContextKeyValues[K] | undefined;
}

export interface ActiveAccount {
  readonly accountId: string;
  /** shown in the views' description, e.g. "12345678 (admin)" */
  readonly label: string;
  readonly method: Credentials['kind'];
  readonly isDemo: boolean;
  readonly client: LivePersonClient;
}
export interface AccountSession {
  readonly active: ActiveAccount | undefined;
  readonly onDidChangeActive: vscode.Event<ActiveAccount | undefined>;
}

/** A command handler; `args` are exactly what VS Code passes (tree node, selected nodes) or what a test passes. */
export type CommandHandler = (...args: unknown[]) => unknown;

export interface FeatureContext {
  readonly extensionContext: vscode.ExtensionContext;
  readonly log: Log;
  /** Delegates to the current prompter (tests swap it through the extension's test API). */
  readonly prompter: Prompter;
  readonly session: AccountSession;
  readonly settings: Settings;
  readonly contextKeys: ContextKeys;
  /**
   * Registers a command through the one wrapper: cancellation is silent, LivePersonError becomes one
   * message with actions (Sign In / Retry / Show Log), everything is logged redacted. The handler's
   * result is returned to the caller (tests read it). The disposable is owned by the extension context.
   */
  registerCommand(id: string, handler: CommandHandler): void;
}

/** Anything that stands for a set of agents (an agent node, a group or status node, a selection). */
export interface AgentSelection {
  readonly agentIds: readonly string[];
  readonly label: string;
}
export function isAgentSelection(x: unknown): x is AgentSelection {
  return typeof x === 'object' && x !== null && Array.isArray((x as AgentSelection).agentIds) && typeof (x as AgentSelection).label === 'string';
}
