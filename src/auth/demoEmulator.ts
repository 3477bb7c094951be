// The bundled emulator, started in-process on 127.0.0.1 (random port) for the demo account.
// One per window; started on first use, reused afterwards, closed when the extension is disposed.
import type * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../emulator';
import type { Log } from '../platform/featureContext';

/** The demo data's seed: fixed, so a restarted demo (after a reload) shows the same account. */
export const DEMO_SEED = 1;

export class DemoEmulator implements vscode.Disposable {
  private starting: Promise<RunningEmulator> | undefined;
  private running: RunningEmulator | undefined;
  constructor(private readonly log: Log) {}

  get current(): RunningEmulator | undefined {
    return this.running;
  }

  ensureRunning(): Promise<RunningEmulator> {
    if (this.starting) return this.starting;
    const starting = startEmulator({ port: 0, seed: DEMO_SEED, log: (line: string) => this.log.trace(`[emulator] ${line}`) }).then(
      (emulator: RunningEmulator) => {
        this.running = emulator;
        this.log.info(`Demo emulator listening on ${emulator.url}.`);
        return emulator;
      },
      (error: unknown) => {
        this.starting = undefined;
        throw error;
      },
    );
    this.starting = starting;
    return starting;
  }

  dispose(): void {
    const emulator = this.running;
    this.running = undefined;
    this.starting = undefined;
    if (emulator) void emulator.close().catch(() => undefined);
  }
}
