import * as assert from 'assert';
import { describeChange } from '../../../src/statusReasons/conflictText';
import { describeLiveAgents } from '../../../src/statusReasons/liveAgents';
import { idsFromArgs } from '../../../src/statusReasons/targets';
import { reasonTextError } from '../../../src/statusReasons/reasonValidation';
import { reason } from './fixtures';

describe('statusReasons/conflictText', () => {
  const before = reason('1', 'Lunch');
  it('says what someone else changed', () => {
    assert.strictEqual(describeChange(before, { ...before, text: 'Brunch' }), 'it was renamed to “Brunch” by someone else');
    assert.strictEqual(describeChange(before, { ...before, enabled: false, state: 'Online' }), 'it was moved to Online, disabled by someone else');
    assert.strictEqual(describeChange(before, { ...before, deleted: true }), 'it was already deleted by someone else');
    assert.strictEqual(describeChange(before, undefined), 'it was already deleted by someone else');
    assert.strictEqual(describeChange(before, { ...before }), undefined);
  });
});

describe('statusReasons/liveAgents', () => {
  const rs = [reason('1', 'Lunch'), reason('2', 'Training')];
  it('counts per reason, says so for partial answers, and never hides an error', () => {
    assert.strictEqual(describeLiveAgents({ byReason: new Map([['1', 2]]), partial: false }, rs.slice(0, 1)), '2 live agents are in this reason right now.');
    assert.strictEqual(describeLiveAgents({ byReason: new Map([['1', 0]]), partial: false }, rs.slice(0, 1)), 'No live agent is in this reason right now.');
    assert.match(describeLiveAgents({ byReason: new Map([['1', 1], ['2', 0]]), partial: true }, rs), /^1 live agent is in them right now \(“Lunch”: 1\) \(the server answered with a partial list/);
    assert.match(describeLiveAgents({ error: 'HTTP 403' }, rs), /unknown \(HTTP 403\)/);
  });
});

describe('statusReasons/targets', () => {
  const node = (id: string) => ({ kind: 'reason', id });
  it('uses the selection when the clicked node is part of it, else the node', () => {
    assert.deepStrictEqual(idsFromArgs([node('1'), [node('1'), node('2'), { kind: 'state' }]]), ['1', '2']);
    assert.deepStrictEqual(idsFromArgs([node('3'), [node('1'), node('2')]]), ['3']);
    assert.deepStrictEqual(idsFromArgs([{ ids: [1, '2'] }]), ['1', '2']);
    assert.deepStrictEqual(idsFromArgs([{ id: '9', text: 'x' }]), ['9']);
    assert.deepStrictEqual(idsFromArgs(['7']), ['7']);
    assert.strictEqual(idsFromArgs([]), undefined);
    assert.strictEqual(idsFromArgs([undefined, undefined]), undefined);
  });
});

describe('statusReasons/reasonValidation', () => {
  const existing = [reason('1', 'Lunch', { state: 'Away' }), reason('2', 'Gone', { deleted: true })];
  it('names the reason a text clashes with, and allows renaming to itself', () => {
    assert.match(reasonTextError('Lunch', existing) ?? '', /already exists: “Lunch” \(Away, id 1\)/);
    assert.strictEqual(reasonTextError('Lunch', existing, '1'), undefined);
    assert.strictEqual(reasonTextError('Gone', existing), undefined);
    assert.strictEqual(reasonTextError('lunch', existing), undefined, 'case-sensitive, like the server');
    assert.match(reasonTextError('', existing) ?? '', /required/);
    assert.match(reasonTextError('a>b', existing) ?? '', /“>”/);
    assert.strictEqual(reasonTextError('Café ☕ **bold** [x](y)', existing), undefined);
  });
});
