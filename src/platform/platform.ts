// Builds the platform layer for the composition root: the "LivePerson" log (redacted), the command
// wrapper, the swappable prompter, typed settings and context keys. Only objects, no work.
import * as vscode from 'vscode';
import type { FeatureContext, Log } from './featureContext';
import type { Prompter } from './prompter';
import { createRedactingLog } from './redactingLog';
import { createCommandRegistrar } from './commandWrapper';
import { DelegatingPrompter, VsCodePrompter } from './vscodePrompter';
import { createSettings } from './settings';
import { createContextKeys } from './contextKeys';

export interface Platform {
  featureContext: Omit<FeatureContext, 'session'>;
  /** Swap the prompter every part uses (tests); undefined restores the VS Code one. */
  setPrompter(p: Prompter | undefined): void;
}

export const OUTPUT_CHANNEL_NAME = 'LivePerson';

export function createPlatform(context: vscode.ExtensionContext): Platform {
  const channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  context.subscriptions.push(channel);
  const log: Log = createRedactingLog(channel);
  const prompter = new DelegatingPrompter(new VsCodePrompter());
  const registerCommand = createCommandRegistrar(context.subscriptions, log, prompter);
  return {
    featureContext: {
      extensionContext: context,
      log,
      prompter,
      settings: createSettings(context.subscriptions),
      contextKeys: createContextKeys(),
      registerCommand,
    },
    setPrompter: p => prompter.setTarget(p),
  };
}
