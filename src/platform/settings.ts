// Typed access to the `liveperson.*` settings with one change event per changed key.
import * as vscode from 'vscode';
import type { SettingKey, SettingScope, Settings, SettingsValues } from './featureContext';
import { DEFAULT_DISCONNECTED_LIMIT_MINUTES, DEFAULT_TIME_LIMITS } from '../domain/timeLimits';

const SECTION = 'liveperson';
const DEFAULTS: SettingsValues = {
  csdsUrl: 'https://api.liveperson.net',
  requestTimeoutSeconds: 30,
  'agents.refreshIntervalSeconds': 30,
  'agents.groupBy': 'status',
  'agents.timeLimits': DEFAULT_TIME_LIMITS,
  'agents.disconnectedLimitMinutes': DEFAULT_DISCONNECTED_LIMIT_MINUTES,
  'agents.notifyOverLimit': false,
  'agents.minimumOnline': [],
  'statusReasons.showDeleted': false,
  'statusReasons.usageRange': '7d',
  'timeline.timeZone': 'local',
  'timeline.defaultRange': '24h',
  'timeline.lookBackMonths': 6,
};
export const SETTING_KEYS = Object.keys(DEFAULTS) as SettingKey[];
/**
 * Read from the user's own settings only: a workspace (a cloned repository's .vscode/settings.json)
 * must not be able to send the credentials typed at sign-in to a host of its choosing.
 */
const USER_ONLY: ReadonlySet<SettingKey> = new Set<SettingKey>(['csdsUrl']);

export function createSettings(subscriptions: { push(d: vscode.Disposable): unknown }): Settings {
  const emitter = new vscode.EventEmitter<SettingKey>();
  subscriptions.push(emitter);
  subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration(SECTION)) return;
      for (const key of SETTING_KEYS) if (e.affectsConfiguration(`${SECTION}.${key}`)) emitter.fire(key);
    }),
  );
  return {
    get<K extends SettingKey>(key: K): SettingsValues[K] {
      const config = vscode.workspace.getConfiguration(SECTION);
      if (USER_ONLY.has(key)) return (config.inspect<SettingsValues[K]>(key)?.globalValue ?? DEFAULTS[key]) as SettingsValues[K];
      return config.get<SettingsValues[K]>(key, DEFAULTS[key]);
    },
    async update<K extends SettingKey>(key: K, value: SettingsValues[K]): Promise<void> {
      await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
    },
    valueAt<K extends SettingKey>(key: K, scope: SettingScope): SettingsValues[K] | undefined {
      const i = vscode.workspace.getConfiguration(SECTION).inspect<SettingsValues[K]>(key);
      return scope === 'user' ? i?.globalValue : i?.workspaceValue;
    },
    async updateAt<K extends SettingKey>(key: K, value: SettingsValues[K] | undefined, scope: SettingScope): Promise<void> {
      if (scope === 'workspace' && USER_ONLY.has(key)) throw new Error(`liveperson.${key} is read from the user settings only.`);
      await vscode.workspace.getConfiguration(SECTION).update(key, value, scope === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace);
    },
    onDidChange: emitter.event,
  };
}
