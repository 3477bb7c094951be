// Adapts any log sink (in production the "LivePerson" LogOutputChannel) to the `Log` interface,
// running every line through redact(). Kept free of `vscode` so it is unit-tested in plain Node.
import { redact } from '../api/redact';
import type { Logger } from '../api/logger';

/** The subset of vscode.LogOutputChannel this adapter needs (structural, no vscode import). */
export interface LogSink extends Logger {
  show(preserveFocus?: boolean): void;
}

export interface RedactingLog extends Logger {
  show(): void;
}

export function createRedactingLog(sink: LogSink): RedactingLog {
  return {
    trace: m => sink.trace(redact(m)),
    debug: m => sink.debug(redact(m)),
    info: m => sink.info(redact(m)),
    warn: m => sink.warn(redact(m)),
    error: m => sink.error(redact(m)),
    show: () => sink.show(true),
  };
}
