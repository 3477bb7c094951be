import * as assert from 'assert';
import { escapeMarkdown, neutralizeLinks } from '../../../src/domain/markdownText';
import { isReasonNode, reasonContextValue, reasonDescription, reasonTooltipMarkdown, stateDescription, stateIcon, stateTooltip } from '../../../src/statusReasons/reasonLook';
import { STATE_ICON } from '../../../src/agents/agentPresentation';
import { STATUS_BAR_ICONS } from '../../../src/agents/statusBarText';
import { reason } from './fixtures';

describe('statusReasons/reasonLook', () => {
  it('contextValue tokens match the manifest when-clauses', () => {
    const rename = /^statusReason\b(?!.*\bdeleted\b)/;
    const enable = /^statusReason\b.*\bdisabled\b/;
    const disable = /^statusReason\b.*\benabled\b/;
    const on = reasonContextValue(reason('1', 'a'));
    const off = reasonContextValue(reason('1', 'a', { enabled: false }));
    const gone = reasonContextValue(reason('1', 'a', { deleted: true }));
    assert.strictEqual(on, 'statusReason enabled');
    assert.strictEqual(off, 'statusReason disabled');
    assert.strictEqual(gone, 'statusReason enabled deleted');
    assert.ok(rename.test(on) && disable.test(on) && !enable.test(on));
    assert.ok(rename.test(off) && enable.test(off) && !disable.test(off));
    assert.ok(!rename.test(gone));
  });

  it('one icon per state: a reason group has the icon Live Agents and the status bar give that state', () => {
    assert.deepStrictEqual(stateIcon('Away'), STATE_ICON.away);
    assert.deepStrictEqual(stateIcon('Online'), STATE_ICON.online);
    assert.deepStrictEqual(stateIcon('Occupied'), STATE_ICON.backSoon, 'Occupied is what agents see as Back soon');
    assert.deepStrictEqual(
      [stateIcon('Away').iconId, stateIcon('Online').iconId, stateIcon('Occupied').iconId],
      [STATUS_BAR_ICONS.away, STATUS_BAR_ICONS.online, STATUS_BAR_ICONS.backSoon],
    );
    const ids = new Set([STATE_ICON.online.iconId, STATE_ICON.backSoon.iconId, STATE_ICON.away.iconId, STATE_ICON.offline.iconId]);
    assert.strictEqual(ids.size, 4, 'no two states share an icon');
  });

  it('a group counts live reasons, deleted ones apart, and Occupied says how agents see it', () => {
    assert.strictEqual(stateDescription('Away', 8, 0), '8');
    assert.strictEqual(stateDescription('Away', 8, 4), '8 (+4 deleted)');
    assert.strictEqual(stateDescription('Online', 1, 0), '1');
    assert.strictEqual(stateDescription('Occupied', 2, 0), '2 · shown as Back soon');
    assert.strictEqual(stateDescription('Occupied', 2, 1), '2 (+1 deleted) · shown as Back soon');
    assert.match(stateTooltip('Occupied', 2, 0), /shown as “Back soon” in Live Agents, the status bar and the timeline/);
    assert.doesNotMatch(stateTooltip('Away', 1, 0), /shown as/);
  });

  it('description says disabled / deleted', () => {
    assert.strictEqual(reasonDescription(reason('1', 'a')), '');
    assert.strictEqual(reasonDescription(reason('1', 'a', { enabled: false, deleted: true })), 'deleted · disabled');
  });

  it('escapes HTML and Markdown in server text', () => {
    const text = '<img src=x onerror=alert(1)> **bold** [link](http://x) `code` # h &amp; 🍕';
    const md = escapeMarkdown(text);
    assert.ok(!md.includes('<'), md);
    assert.ok(!md.includes('>'), md);
    assert.ok(md.includes('&lt;img'), md);
    assert.ok(md.includes('\\*\\*bold\\*\\*'), md);
    assert.ok(md.includes('\\[link\\]\\(http'), md);
    assert.ok(md.includes('\\`code\\`'), md);
    assert.ok(md.includes('&amp;amp;'), md);
    assert.ok(md.includes('🍕'), md);
  });

  it('notification text never turns a reason text into a link', () => {
    const msg = neutralizeLinks('Renamed “[click](command:workbench.action.quit)” to “a] (b)”.');
    assert.ok(!/\]\s*\(/.test(msg), msg);
    assert.strictEqual(msg.replace(/\u200B/g, ''), 'Renamed “[click](command:workbench.action.quit)” to “a] (b)”.');
  });

  it('the tooltip names text, state, enabled, id and revision, all escaped', () => {
    const md = reasonTooltipMarkdown(reason('3201442712', '<b>Lunch</b> _now_', { state: 'Occupied', enabled: false }), '42');
    assert.ok(md.includes('&lt;b&gt;Lunch&lt;/b&gt; \\_now\\_'), md);
    assert.ok(md.includes('State: Occupied'));
    assert.ok(md.includes('Enabled: no'));
    assert.ok(md.includes('Id: 3201442712'));
    assert.ok(md.includes('Account revision: 42'));
  });

  it('recognises reason nodes', () => {
    assert.ok(isReasonNode({ kind: 'reason', id: '1', reason: reason('1', 'a') }));
    assert.ok(!isReasonNode({ kind: 'state', state: 'Away' }));
    assert.ok(!isReasonNode(undefined));
  });
});
