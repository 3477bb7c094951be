// Live Agents when pages fail: the model fed real answers from the emulator (over loopback), the
// view's warning made from what the model kept. A page that never arrives must not make its
// agents look logged out: they stay, as they were, marked stale, and the warning says how many are
// missing and how many arrived.
import * as assert from 'assert';
import { AgentsModel } from '../../../src/agents/agentsModel';
import { viewMessage } from '../../../src/agents/viewText';
import { PAGE_ATTEMPTS } from '../../../src/api/agentMetrics';
import { OAUTH1, useEmulator } from '../api/support';

describe('agents: a refresh with failed pages (emulator)', function () {
  this.timeout(30_000);
  const rig = useEmulator({ agents: 600, now: () => Date.UTC(2026, 11, 8, 10, 0) });

  it('keeps the agents of the failed page as they were, marked stale; the warning names what is missing', async () => {
    const c = rig.client(OAUTH1);
    const count = (await c.agentMetrics.status({}, { limit: 1 })).count;
    const pageSize = Math.ceil(count / 5);
    const pages = Math.ceil(count / pageSize);
    const model = new AgentsModel();
    const full = await c.agentMetrics.allAgents({}, { pageSize });
    model.apply(full, undefined, 1000);
    const before = new Map(model.all().map(r => [r.agentId, r]));

    rig.emu.control.setFaults({ truncateBodies: (PAGE_ATTEMPTS - 1) * pages + 1 }); // exactly one page never arrives (see api/agentMetrics.test.ts)
    const partial = await c.agentMetrics.allAgents({}, { pageSize, knownCount: model.knownCount });
    const delta = model.apply(partial, undefined, 2000);

    assert.strictEqual(partial.failedPages, 1);
    assert.strictEqual(model.size, full.records.length, 'no known agent dropped');
    assert.deepStrictEqual(delta.removed, []);
    assert.strictEqual(delta.staleKept, partial.missingAgents);
    const arrived = new Set(partial.records.map(r => r.agentId));
    for (const row of model.all()) {
      assert.strictEqual(row.stale, !arrived.has(row.agentId), `${row.agentId} stale iff its page failed`);
      if (row.stale) assert.deepStrictEqual({ ...row, stale: false, fingerprint: '' }, { ...before.get(row.agentId)!, fingerprint: '' }, 'kept as it was');
    }
    assert.deepStrictEqual(model.lastAnswer && { failedPages: model.lastAnswer.failedPages, pages: model.lastAnswer.pages, missing: model.lastAnswer.missingAgents, records: model.lastAnswer.records },
      { failedPages: 1, pages, missing: count - partial.records.length, records: partial.records.length });
    const a = model.lastAnswer!;
    const m = partial.missingAgents;
    assert.strictEqual(
      viewMessage({ partial: a.partial, failedPages: a.failedPages, pages: a.pages, missingAgents: a.missingAgents, shown: a.records, serverPartial: a.serverPartial, staleKept: delta.staleKept }),
      `⚠ Partial answer: 1 of ${pages} pages failed (≈ ${m} agents missing); showing ${count - m}. ${m} agents missing from it are kept and marked stale.`,
    );

    // the next complete refresh settles it: nobody stale
    rig.emu.control.resetFaults();
    const again = model.apply(await c.agentMetrics.allAgents({}, { pageSize, knownCount: model.knownCount }), undefined, 3000);
    assert.strictEqual(model.counts().stale, 0);
    assert.strictEqual(again.changed.length, m, 'the stale rows become fresh');
    assert.strictEqual(model.lastAnswer?.partial, false);
  });
});
