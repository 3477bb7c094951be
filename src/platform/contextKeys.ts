// Typed `setContext` keys (used by `when` clauses and viewsWelcome). The last value set is kept so
// code and tests can read it back.
import * as vscode from 'vscode';
import type { ContextKey, ContextKeys, ContextKeyValues } from './featureContext';

export function createContextKeys(): ContextKeys {
  const values = new Map<ContextKey, unknown>();
  return {
    async set<K extends ContextKey>(key: K, value: ContextKeyValues[K]): Promise<void> {
      values.set(key, value);
      await vscode.commands.executeCommand('setContext', key, value);
    },
    get<K extends ContextKey>(key: K): ContextKeyValues[K] | undefined {
      return values.get(key) as ContextKeyValues[K] | undefined;
    },
  };
}
