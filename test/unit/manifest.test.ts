// The manifest's menus, evaluated against the contextValues the trees really produce: which item
// actions a user is offered on which row. Also: every command a menu or a welcome view names exists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reasonContextValue } from '../../src/statusReasons/reasonLook';
import type { StatusReason } from '../../src/api/types';

interface MenuEntry { command: string; when?: string; group?: string }
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, MenuEntry[]>; viewsWelcome: { contents: string }[] };
};
const declared = new Set(pkg.contributes.commands.map(c => c.command));

/** Evaluates the subset of when-clause syntax the manifest uses: `a == b`, `x =~ /re/`, `!key`, `key`, joined by `&&`. */
function when(clause: string | undefined, ctx: Record<string, string | boolean>): boolean {
  if (!clause) return true;
  return clause.split(/\s*&&\s*/).every(term => {
    let m = /^(\S+) == (\S+)$/.exec(term);
    if (m) return ctx[m[1]] === m[2];
    m = /^(\S+) =~ \/(.*)\/$/.exec(term);
    if (m) return new RegExp(m[2]).test(String(ctx[m[1]] ?? ''));
    if (term.startsWith('!')) return !ctx[term.slice(1)];
    return !!ctx[term];
  });
}
const offered = (view: string, viewItem: string, extra: Record<string, boolean> = {}) =>
  [...new Set(pkg.contributes.menus['view/item/context'].filter(e => when(e.when, { view, viewItem, ...extra })).map(e => e.command.split('.').pop()))].sort();

const reason = (enabled: boolean, deleted: boolean): StatusReason => ({ id: '1', text: 't', state: 'Away', enabled, deleted });

describe('manifest menus', () => {
  const SR = 'liveperson.statusReasons';
  it('an enabled reason offers rename, disable, delete — not enable', () => {
    assert.deepEqual(offered(SR, reasonContextValue(reason(true, false))), ['delete', 'disable', 'openAsJson', 'rename', 'setTimeLimit']);
  });
  it('a disabled reason offers rename, enable, delete — not disable', () => {
    assert.deepEqual(offered(SR, reasonContextValue(reason(false, false))), ['delete', 'enable', 'openAsJson', 'rename', 'setTimeLimit']);
  });
  it('a deleted reason (enabled or not) offers only Open as JSON', () => {
    assert.deepEqual(offered(SR, reasonContextValue(reason(true, true))), ['openAsJson']);
    assert.deepEqual(offered(SR, reasonContextValue(reason(false, true))), ['openAsJson']);
  });
  it('a multi-selection is not offered rename (one reason at a time)', () => {
    assert.deepEqual(offered(SR, reasonContextValue(reason(true, false)), { listMultiSelection: true }), ['delete', 'disable', 'openAsJson']);
  });
  it('Move Up / Move Down are offered where the tree says the reason can go (inline and in the context menu)', () => {
    const r = reason(true, false);
    assert.deepStrictEqual(offered(SR, reasonContextValue(r, { up: false, down: true })), ['delete', 'disable', 'moveDown', 'openAsJson', 'rename', 'setTimeLimit']);
    assert.deepStrictEqual(offered(SR, reasonContextValue(r, { up: true, down: true })), ['delete', 'disable', 'moveDown', 'moveUp', 'openAsJson', 'rename', 'setTimeLimit']);
    assert.deepStrictEqual(offered(SR, reasonContextValue(reason(false, false), { up: true, down: false })), ['delete', 'enable', 'moveUp', 'openAsJson', 'rename', 'setTimeLimit']);
    assert.deepStrictEqual(offered(SR, reasonContextValue(r, { up: true, down: true }), { listMultiSelection: true }), ['delete', 'disable', 'openAsJson'], 'one reason moves at a time');
    assert.deepStrictEqual(offered(SR, reasonContextValue(reason(true, true), { up: true, down: true })), ['openAsJson'], 'a deleted reason does not move');
    const groups = (cmd: string) => pkg.contributes.menus['view/item/context'].filter(e => e.command === `${SR}.${cmd}`).map(e => e.group?.split('@')[0]).sort();
    assert.deepStrictEqual(groups('moveUp'), ['2_move', 'inline']);
    assert.deepStrictEqual(groups('moveDown'), ['2_move', 'inline']);
    const palette = pkg.contributes.menus.commandPalette.filter(e => /\.move(Up|Down)$/.test(e.command));
    assert.deepStrictEqual(palette.map(e => [e.command, e.when]), [[`${SR}.moveUp`, 'liveperson.signedIn'], [`${SR}.moveDown`, 'liveperson.signedIn']]);
  });
  it('state group rows offer no reason actions', () => {
    assert.deepEqual(offered(SR, 'statusReasonState away'), []);
  });
  it('agents offer the timeline, copy id, copy link, Open as JSON and a time limit (not offline ones); status group rows the timeline, Open as JSON and a time limit', () => {
    assert.deepEqual(offered('liveperson.agents', 'agent online'), ['copyId', 'copyLink', 'open', 'openAsJson', 'setTimeLimit']);
    assert.deepEqual(offered('liveperson.agents', 'agent away disconnected stale'), ['copyId', 'copyLink', 'open', 'openAsJson', 'setTimeLimit']);
    assert.deepEqual(offered('liveperson.agents', 'agent backSoon overLimit'), ['copyId', 'copyLink', 'open', 'openAsJson', 'setTimeLimit']);
    assert.deepEqual(offered('liveperson.agents', 'agent offline'), ['copyId', 'copyLink', 'open', 'openAsJson']);
    assert.deepEqual(offered('liveperson.agents', 'agent online', { listMultiSelection: true }), ['copyId', 'copyLink', 'open', 'openAsJson']);
    assert.deepEqual(offered('liveperson.agents', 'agentGroup status'), ['open', 'openAsJson', 'setTimeLimit']);
    assert.deepEqual(offered('liveperson.agents', 'agentGroup overLimit'), ['open', 'openAsJson'], 'Over limit is not a state');
    assert.deepEqual(offered('liveperson.agents', 'agentGroup group belowFloor'), ['open', 'openAsJson']);
  });
  it('every command named by a menu or a welcome view is declared', () => {
    const named = new Set<string>();
    for (const entries of Object.values(pkg.contributes.menus)) for (const e of entries) named.add(e.command);
    for (const w of pkg.contributes.viewsWelcome) for (const m of w.contents.matchAll(/\(command:([\w.]+)\)/g)) named.add(m[1]);
    assert.deepEqual([...named].filter(c => !declared.has(c)), []);
  });
});
