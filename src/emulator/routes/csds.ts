// Domain API (CSDS, liveperson-api.md §1): every service lives on this emulator's host:port —
// unless the `csdsForeignHost` fault points some services elsewhere, or `csdsOmit` leaves some out.
import { DEMO, FOREIGN_CSDS_HOST, FOREIGN_CSDS_SERVICES } from '../types';
import { Ctx, Reply, fail, ok } from '../http';
import { ACCOUNT_ID_RE } from '../auth/authorize';
import type { EmulatorState } from '../state';

export const SERVICES = [
  'agentVep', 'accountConfigReadOnly', 'accountConfigReadWrite', 'msgHist', 'agentManagerWorkspace',
  'agentActivityDomain', 'leDataReporting', 'sentinel', 'asyncMessagingEnt',
] as const;

/** host:port every service is served on: this emulator (127.0.0.1:PORT). */
export function serviceHost(ctx: Ctx): string {
  const port = ctx.req.socket.localPort;
  return port ? `127.0.0.1:${port}` : ctx.host;
}

/** The baseURI CSDS gives for a service: this emulator, or the `csdsForeignHost` fault's host. */
function baseUri(state: EmulatorState, ctx: Ctx, service: string): string {
  const foreign = state.faults.get().csdsForeignHost;
  if (foreign === false || !FOREIGN_CSDS_SERVICES.includes(service)) return serviceHost(ctx);
  return foreign === true ? FOREIGN_CSDS_HOST : foreign;
}

export function csdsEntries(state: EmulatorState, ctx: Ctx): { service: string; account: string; baseURI: string }[] {
  return SERVICES.filter(service => !state.faults.omitsService(service))
    .map(service => ({ service, account: ctx.params.acct, baseURI: baseUri(state, ctx, service) }));
}

function check(ctx: Ctx): Reply | undefined {
  if (!ACCOUNT_ID_RE.test(ctx.params.acct)) return fail('csds', 400, 'Invalid account id');
  if (ctx.params.acct !== DEMO.accountId) return fail('csds', 404, 'Unknown account');
  return undefined;
}

export function csdsAll(state: EmulatorState, ctx: Ctx): Reply {
  return check(ctx) ?? ok({ baseURIs: csdsEntries(state, ctx) });
}

export function csdsOne(state: EmulatorState, ctx: Ctx): Reply {
  const bad = check(ctx);
  if (bad) return bad;
  const svc = ctx.params.svc;
  if (!(SERVICES as readonly string[]).includes(svc) || state.faults.omitsService(svc)) return fail('csds', 404, 'Unknown service');
  return ok({ service: svc, account: ctx.params.acct, baseURI: baseUri(state, ctx, svc) });
}
