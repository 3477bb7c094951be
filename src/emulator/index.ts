// The LivePerson emulator (liveperson-api.md §11): every service of the demo account on one
// loopback port. Used by tests, benchmarks, `npm run emulator` and the "Try the Demo Account" command.
import type { AddressInfo } from 'node:net';
import { EmulatorState } from './state';
import { createControl } from './control';
import { createEmulatorServer } from './server';
import type { EmulatorOptions, RunningEmulator } from './types';

export { DEMO, LIMITED_KEY, DEFAULT_FAULTS, ROUTE_NAMES, FOREIGN_CSDS_HOST, FOREIGN_CSDS_SERVICES, FOREIGN_LINK_HOST, HOLD_CAP_MS } from './types';
export type { ClockReading, ClockSpec } from './clock';
export { parseInstant } from './clock';
export type { EmulatorControl, EmulatorOptions, Faults, LiveStatus, RequestRecord, RouteName, RunningEmulator } from './types';

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = new EmulatorState(opts);
  const control = createControl(state);
  const server = createEmulatorServer(state, control);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    control,
    close: () => {
      closing ??= new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
