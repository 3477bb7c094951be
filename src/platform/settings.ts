// Typed access to the `liveperson.*` settings with one change event per changed key.
import * as vscode from 'vscode';
import type { SettingKey, Settings, SettingsValues } from './featureContext';

const SECTION = 'liveperson';
const DEFAULTS: SettingsValues = {
  csdsUrl: 'https://api.liveperson.net',
  requestTimeoutSeconds: 30,
  'agents.refreshIntervalSeconds': 30,
  'agents.groupBy': 'status',
  'statusReasons.showDeleted': false,
  'timeline.timeZone': 'local',
  'timeline.defaultRange': '24h',
};
export const SETTING_KEYS = Object.keys(DEFAULTS) as SettingKey[];

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
      return vscode.workspace.getConfiguration(SECTION).get<SettingsValues[K]>(key, DEFAULTS[key]);
    },
    async update<K extends SettingKey>(key: K, value: SettingsValues[K]): Promise<void> {
      await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
    },
    onDidChange: emitter.event,
  };
}
