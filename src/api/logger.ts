// The logging interface the API layer writes to. The extension adapts its LogOutputChannel to it;
// tests pass a collecting logger. Implementations must run every message through `redact`.
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
export const silentLogger: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
