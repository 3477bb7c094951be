// Optional status reasons query endpoint (liveperson-api.md §3.3.6–3.3.7, old docs): the delta form
// `{type:1, parameters:[{site, revision}]}` answers the current collection per site when the revision
// differs. The revision-range form is not implemented (400).
import { Ctx, Reply, badRequest, isPlainObject, ok, parseJson } from '../http';
import type { EmulatorState } from '../state';
import { DEMO } from '../types';

export function queryReasons(state: EmulatorState, ctx: Ctx): Reply {
  const parsed = parseJson(ctx);
  if (!parsed.ok) return badRequest('ac', [parsed.error]);
  const body = parsed.value;
  if (!isPlainObject(body) || !Array.isArray(body.parameters)) return badRequest('ac', ['parameters: must be an array of {site, revision}']);
  const accountList: unknown[] = [];
  for (const p of body.parameters as unknown[]) {
    if (!isPlainObject(p) || typeof p.site !== 'string') return badRequest('ac', ['parameters[].site: must be a string']);
    if (p.from !== undefined || p.to !== undefined) return badRequest('ac', ['revision range queries are not supported by this emulator']);
    if (p.site !== DEMO.accountId || Number(p.revision) === state.revision) continue;
    accountList.push({
      siteId: p.site,
      itemsCollection: {
        items: state.reasons.map(r => ({ text: r.text, state: r.state, enabled: r.enabled, id: r.id, deleted: r.deleted })),
        revision: state.revision,
        context: { contextType: 'ACCOUNT', contextId: p.site },
      },
    });
  }
  return ok({ appDataList: [{ appName: 'status-reasons', appApiVersion: 1, accountList: { accountList } }] });
}
