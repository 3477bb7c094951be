// PLACEHOLDER (the shell replaces it): builds the platform layer for the composition root.
import * as vscode from 'vscode';
import type { FeatureContext } from './featureContext';
import type { Prompter } from './prompter';

export interface Platform {
  featureContext: Omit<FeatureContext, 'session'>;
  setPrompter(p: Prompter | undefined): void;
}

export function createPlatform(_context: vscode.ExtensionContext): Platform {
  throw new Error('not implemented yet');
}
