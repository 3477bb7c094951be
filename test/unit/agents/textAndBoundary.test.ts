import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { escapeMarkdown, formatDurationShort, formatLoad, formatUpdatedAgo } from '../../../src/agents/format';
import { agentTooltipMarkdown } from '../../../src/agents/agentPresentation';
import { toAgentRow } from '../../../src/agents/agentRow';
import { describeFilter, parseFilterArg } from '../../../src/agents/agentsFilter';
import { statusBarText, statusBarTooltipMarkdown } from '../../../src/agents/statusBarText';
import { viewDescription, viewMessage } from '../../../src/agents/viewText';
import { lookups, rec, T0 } from './fixtures';

describe('agents: texts', () => {
  it('formats durations coarsely for rows and "updated … ago" in 5 s steps', () => {
    assert.deepStrictEqual([30_000, 61_000, 3_599_000, 3_600_000, 90_000_000].map(formatDurationShort), ['<1 min', '1 min', '59 min', '1 h', '1 d']);
    assert.deepStrictEqual([1000, 12_000, 65_000].map(formatUpdatedAgo), ['updated just now', 'updated 10 s ago', 'updated 1 min ago']);
    assert.strictEqual(formatLoad(0.333), '33%');
    assert.strictEqual(formatLoad(40), '40%');
  });

  it('escapes server text in the tooltip Markdown (no links, images, HTML, tables broken)', () => {
    const evil = '[click](command:workbench.action.quit) <img src=x> **bold** | pipe';
    const row = toAgentRow(
      rec('1', { agentNickname: evil, currentStatus: 'AWAY', currentStatusReason: '5' }),
      lookups({ reasons: [{ id: '5', text: '<script>alert(1)</script>', state: 'Away', enabled: true, deleted: true }] }),
      T0,
    );
    const md = agentTooltipMarkdown(row, T0);
    assert.ok(!md.includes('[click]('), md);
    assert.ok(!md.includes('<img'), md);
    assert.ok(!md.includes('<script>'), md);
    assert.ok(md.includes('&lt;script&gt;'), md);
    assert.ok(md.includes('\\(deleted\\)'), 'deleted mark shown');
    assert.ok(!/[^\\]\| pipe/.test(md), 'pipes in server text are escaped');
    assert.ok(md.includes('| Agent id | 1 |'));
    assert.ok(md.includes('1 busy · 0 ringing · 2 max'));
    assert.strictEqual(escapeMarkdown('a_b'), 'a\\_b');
  });

  it('describes the filter, the view state, and the status-bar counts', () => {
    assert.strictEqual(describeFilter({ statuses: ['away', 'backSoon'], nameContains: ' ann ' }), 'filter: Away, Back soon · "ann"');
    assert.strictEqual(describeFilter({}), '');
    // the most important part first, short enough for the default sidebar width
    assert.strictEqual(viewDescription({ filterText: 'filter: Away', updatedAt: T0, loading: false, paused: true, now: T0 + 12_000 }), '⏸ paused · filter: Away · 10 s ago');
    assert.strictEqual(viewDescription({ filterText: '', updatedAt: T0, loading: false, paused: false, now: T0 + 1000 }), 'just now');
    assert.strictEqual(viewDescription({ filterText: '', loading: true, paused: true, now: T0 }), '⏸ paused · loading…');
    assert.ok(viewDescription({ filterText: 'filter: Away', updatedAt: T0, loading: false, paused: true, now: T0 + 12_000 }).length <= 36);
    assert.match(viewMessage({ partial: true, staleKept: 3, updatedAt: T0 }), /Partial answer.*3 agents missing from it are kept and marked stale/);
    assert.strictEqual(viewMessage({ partial: true, staleKept: 0 }), '⚠ Partial answer: some LivePerson servers did not answer, so the list may be incomplete.');
    assert.strictEqual(
      viewMessage({ partial: true, failedPages: 2, pages: 25, missingAgents: 2000, shown: 23_000, staleKept: 1950 }),
      '⚠ Partial answer: 2 of 25 pages failed (≈ 2,000 agents missing); showing 23,000. 1,950 agents missing from it are kept and marked stale.',
    );
    assert.strictEqual(
      viewMessage({ partial: true, failedPages: 1, pages: 3, missingAgents: 1, shown: 2001, serverPartial: true, staleKept: 1 }),
      '⚠ Partial answer: 1 of 3 pages failed (≈ 1 agent missing); showing 2,001. Some LivePerson servers did not answer either. 1 agent missing from it is kept and marked stale.',
    );
    assert.match(viewMessage({ partial: false, staleKept: 0, error: { message: 'x', rateLimited: true }, updatedAt: T0 }), /throttling/);
    assert.strictEqual(viewMessage({ partial: false, staleKept: 0 }), '');
    assert.strictEqual(statusBarText({ online: 30, backSoon: 5, away: 7, offline: 0, total: 42, stale: 0 }), '$(person) 42 $(circle-filled) 30 $(clock) 5 $(circle-slash) 7');
    const counts = { online: 1, backSoon: 0, away: 0, offline: 0, total: 1, stale: 0 };
    assert.match(statusBarTooltipMarkdown(counts, 'a', T0, false, true), /Auto-refresh is paused/);
    assert.doesNotMatch(statusBarTooltipMarkdown(counts, 'a', T0, false, false), /paused/);
  });

  it('parses a filter argument and refuses bad ones with a clear error', () => {
    assert.deepStrictEqual(parseFilterArg({ statuses: ['AWAY', 'backSoon'], skillIds: [12] }).statuses, ['away', 'backSoon']);
    assert.deepStrictEqual(parseFilterArg({ skillIds: [12] }).skillIds, ['12']);
    assert.throws(() => parseFilterArg({ statuses: ['LUNCH'] }), /Unknown status "LUNCH"/);
    assert.throws(() => parseFilterArg({ colour: 'red' }), /Unknown filter field\(s\): colour/);
    assert.throws(() => parseFilterArg('away'), /must be an object/);
  });
});

describe('agents: the core stays free of VS Code', () => {
  it('model, row, filter, tree, presentation, scheduler and texts never import vscode', () => {
    const dir = path.resolve(__dirname, '../../../../src/agents');
    const core = ['agentRow.ts', 'agentsModel.ts', 'agentsFilter.ts', 'agentsTree.ts', 'agentPresentation.ts', 'refreshScheduler.ts', 'format.ts', 'viewText.ts', 'statusBarText.ts'];
    for (const f of core) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.ok(!/from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(text), `${f} imports vscode`);
    }
  });
});
