import * as assert from 'assert';
import type { LaneInfo } from '../../../src/shared/columnar';
import { totalsMarkdown } from '../../../src/shared/exportFormats';
import { labelNamesakes, laneLabels } from '../../../src/shared/laneLabels';
import { packTimelines } from '../../../src/shared/columnar';
import { intervalDetails } from '../../../src/webview/model/intervalDetails';
import { timeline } from './timelineFixtures';

const T0 = Date.UTC(2026, 10, 23, 8);

describe('shared/laneLabels', () => {
  it('keeps unique names as they are', () => {
    const lanes: LaneInfo[] = [{ agentId: '1', name: 'Ann', loginName: 'ann@x.com' }, { agentId: '2', name: 'Bob' }];
    assert.deepStrictEqual(laneLabels(lanes), ['Ann', 'Bob']);
  });
  it('tells agents with the same display name apart by their login name’s local part', () => {
    const lanes: LaneInfo[] = [
      { agentId: '1', name: 'Chloé', loginName: 'chloe.moreau@example.com' },
      { agentId: '2', name: 'Bob' },
      { agentId: '3', name: 'chloé ', loginName: 'chloe.dupont' },
    ];
    assert.deepStrictEqual(laneLabels(lanes), ['Chloé (chloe.moreau)', 'Bob', 'chloé  (chloe.dupont)']);
  });
  it('falls back to the id when there is no login, and keeps server text as it is', () => {
    const lanes: LaneInfo[] = [
      { agentId: '7', name: '<b>Zoë</b>', loginName: 'zoe@a.com' },
      { agentId: '9', name: '<b>Zoë</b>' },
    ];
    assert.deepStrictEqual(laneLabels(lanes), ['<b>Zoë</b> (zoe)', '<b>Zoë</b> (id 9)']);
  });
  it('the host labels namesakes over the whole account: a lone lane reads like its tree row', () => {
    const lanes: LaneInfo[] = [{ agentId: '1', name: 'Chloé', loginName: 'chloe.moreau@example.com' }, { agentId: '2', name: 'Ann' }];
    labelNamesakes(lanes, new Map([['1', 'Chloé'], ['2', 'Ann'], ['3', 'chloé'], ['4', 'Bob']]));
    assert.deepStrictEqual(laneLabels(lanes), ['Chloé (chloe.moreau)', 'Ann']);
    assert.strictEqual(lanes[1].label, undefined);
  });
  it('an agent that is both a user of the account and a lane is not its own namesake', () => {
    const lanes: LaneInfo[] = [{ agentId: '1', name: 'Dana', loginName: 'dana.a@example.com' }, { agentId: '5', name: 'Omer' }];
    labelNamesakes(lanes, new Map([['1', 'Dana'], ['2', 'Ann']]));
    assert.deepStrictEqual(laneLabels(lanes), ['Dana', 'Omer']);
  });
  it('reaches the details title and the Markdown totals (escaped there)', () => {
    const ds = packTimelines([
      timeline('1', [[T0, T0 + 60_000, 'online']], { agentName: 'Chloé', agentLoginName: 'chloe.moreau@example.com' }),
      timeline('2', [[T0, T0 + 60_000, 'online']], { agentName: 'Chloé', agentLoginName: 'chloe.martin@example.com' }),
    ]);
    assert.strictEqual(intervalDetails(ds, 1, 1, 'utc', T0).title, 'Chloé (chloe.martin)');
    const zero = { byState: { online: 0, backSoon: 0, away: 0, offline: 0 }, byReason: {}, loggedIn: 0, overMs: 0 };
    const md = totalsMarkdown(ds, { perAgent: { 1: zero, 2: zero }, overall: zero }, { accountId: '1', from: T0, to: T0 + 60_000, timeZone: 'utc', generatedAt: T0 });
    assert.match(md, /\| Chloé \\\(chloe\\\.moreau\\\) \|/);
    assert.match(md, /\| Chloé \\\(chloe\\\.martin\\\) \|/);
  });
});
