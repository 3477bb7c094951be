import * as assert from 'node:assert/strict';
import { forgetSecret, registerSecret, redactJson } from '../../../src/api/redact';
import type { AgentStatusRecord, StatusReason } from '../../../src/api/types';
import { agentsDocument, idsName, reasonsDocument } from '../../../src/rawData/rawDocuments';

const R = (id: string, text: string, extra: Partial<StatusReason> = {}): StatusReason => ({ id, text, state: 'Away', enabled: true, deleted: false, ...extra });
const A = (agentId: string): AgentStatusRecord => ({ agentId, agentSkills: [], currentStatus: 'ONLINE' });

describe('rawData: Open as JSON documents', () => {
  it('names say what they show: one id, several, all, and a digest for large sets', () => {
    const all = [R('1', 'Lunch'), R('2', 'Meeting')];
    assert.equal(reasonsDocument('123', all, 'r1', ['2']).name, '123/status-reasons/2.json');
    assert.equal(reasonsDocument('123', all, 'r1', ['2', '1']).name, '123/status-reasons/2,1.json');
    assert.equal(reasonsDocument('123', all, 'r1').name, '123/status-reasons.json');
    assert.equal(agentsDocument('123', { records: [], partialResult: false }).name, '123/agents.json');
    const many = ['9', '8', '7', '6', '5', '4'];
    assert.match(idsName(many), /^4-and-5-more-[0-9a-f]{8}$/);
    assert.equal(idsName(many), idsName([...many].reverse()), 'the same set, the same name');
    assert.notEqual(idsName(many), idsName(['9', '8', '7', '6', '5', '3']));
    assert.equal(idsName(['a/b', '..']), 'a_b,..');
  });

  it('holds the records in the order asked for, with a _source line; an unknown id is refused', () => {
    const all = [R('1', 'Lunch'), R('2', 'Meeting', { deleted: true, order: 3 })];
    const json = JSON.parse(reasonsDocument('123', all, 'r7', ['2', '1']).text);
    assert.deepEqual(json.statusReasons, [all[1], all[0]]);
    assert.equal(json.revision, 'r7');
    assert.match(json._source, /keeps no copy of the server’s raw JSON/);
    assert.throws(() => reasonsDocument('123', all, 'r7', ['1', '99']), /No status reason with id 99/);
  });

  it('agents the server did not return (logged out) are listed, not invented', () => {
    const json = JSON.parse(agentsDocument('123', { records: [A('b'), A('a')], partialResult: true }, ['a', 'gone', 'b']).text);
    assert.deepEqual(json.agents.map((a: AgentStatusRecord) => a.agentId), ['a', 'b']);
    assert.deepEqual(json.notReturned, ['gone']);
    assert.equal(json.partialResult, true);
  });

  it('masks secrets anywhere in the payload and stays valid JSON', () => {
    registerSecret('sess10n-S3CRET');
    try {
      const text = reasonsDocument('123', [R('1', 'Break sess10n-S3CRET'), { ...R('2', 'x'), token: 12345, nested: { csrf: 'c-1', list: [{ password: 'p w' }] } } as StatusReason], 'r').text;
      const json = JSON.parse(text);
      for (const s of ['sess10n-S3CRET', '12345', 'c-1', 'p w']) assert.ok(!text.includes(s), `“${s}” survived in ${text}`);
      assert.equal(json.statusReasons[1].token, '‹redacted›');
      assert.equal(json.statusReasons[1].nested.list[0].password, '‹redacted›');
      assert.equal(json.statusReasons[0].text, 'Break ‹redacted›');
    } finally {
      forgetSecret('sess10n-S3CRET');
    }
    assert.deepEqual(redactJson({ n: 1, b: true, z: null, s: 'plain' }), { n: 1, b: true, z: null, s: 'plain' });
  });
});
