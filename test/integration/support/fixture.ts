// Shared helpers for the extension-host suites.
// Note: test code is compiled by tsc into out/ and loads src/ modules from there, while the
// extension runs from its esbuild bundle (dist/extension.js). They are different module instances:
// compare errors by `kind`/`name`, never with `instanceof` across that boundary.
import * as vscode from 'vscode';
import type { Credentials } from '../../../src/api/types';
import type { ExtensionApi } from '../../../src/extensionApi';
import { DEMO, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator';
import { ScriptedPrompter, type Answer } from './scriptedPrompter';

export const EXTENSION_ID = 'liveperson-tools.liveperson-agent-status';

export async function getApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  if (!api) throw new Error('the extension returned no test API: is the host running in test mode (extensionTestsPath)?');
  return api;
}

/**
 * The instant every suite's emulator starts at (ticking from there): the same world whatever the
 * machine's clock says, and days away from it — so the extension must follow the server's clock
 * (its Date header) for "now", as it must with a real server when this machine's clock is off.
 */
export const TEST_CLOCK_START = '2026-12-06T03:00:00Z';

/** An emulator for one suite: small and deterministic by default (seed, size and clock). */
export function startTestEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, agents: 60, seed: 7, clock: TEST_CLOCK_START, ...opts });
}

/** The emulator's clock now (ms): what ranges in tests are relative to. */
export function emulatorNow(emulator: RunningEmulator): number {
  return emulator.control.clock().nowMs;
}

export function demoCredentials(kind: Credentials['kind'] = 'login'): Credentials {
  switch (kind) {
    case 'login': return { kind, username: DEMO.username, password: DEMO.password };
    case 'oauth1': return { kind, appKey: DEMO.appKey, secret: DEMO.appSecret, accessToken: DEMO.accessToken, accessTokenSecret: DEMO.accessTokenSecret };
    case 'oauth2': return { kind, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret };
    case 'bearer': return { kind, token: DEMO.bearerToken };
  }
}

/** Signs in to the emulator's demo account with explicit arguments (no prompts). */
export async function signInToEmulator(url: string, kind: Credentials['kind'] = 'oauth1'): Promise<void> {
  await vscode.commands.executeCommand('liveperson.signIn', { accountId: DEMO.accountId, credentials: demoCredentials(kind), csdsUrl: url });
}

/** Installs a scripted prompter for the duration of `fn`, then restores the real one. */
export async function withPrompter<T>(api: ExtensionApi, answers: Answer[], fn: (p: ScriptedPrompter) => Promise<T>): Promise<T> {
  const p = new ScriptedPrompter(answers);
  api.setPrompter(p);
  try {
    return await fn(p);
  } finally {
    api.setPrompter(undefined);
  }
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise(r => setTimeout(r, 50));
  }
}
