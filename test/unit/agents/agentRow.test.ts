import * as assert from 'assert';
import { markStale, reasonLabel, timeInReason, timeInStatus, toAgentRow } from '../../../src/agents/agentRow';
import { lookups, rec, T0 } from './fixtures';

describe('agents: toAgentRow (joins)', () => {
  const tables = lookups({
    reasons: [
      { id: '501', text: 'Lunch break', state: 'Away', enabled: true, deleted: false },
      { id: '502', text: 'Old reason', state: 'Away', enabled: false, deleted: true },
    ],
    users: [{ id: '7', loginName: 'dana@example.com', nickname: 'Dana', displayName: 'Dana', deleted: false, isEnabled: true, skillIds: ['12'], agentGroupId: '3' }],
    skills: [{ id: '12', name: 'Tech Support', deleted: false }],
    groups: [{ id: '3', name: 'Tier 1', deleted: false, isEnabled: true }],
  });

  it('joins the status reason id to its text', () => {
    const row = toAgentRow(rec('1', { currentStatus: 'AWAY', currentStatusReason: '501' }), tables, T0);
    assert.strictEqual(row.state, 'away');
    assert.strictEqual(row.reasonText, 'Lunch break');
    assert.strictEqual(reasonLabel(row), 'Lunch break');
  });

  it('marks a deleted reason "(deleted)" and keeps its text', () => {
    const row = toAgentRow(rec('1', { currentStatus: 'AWAY', currentStatusReason: '502' }), tables, T0);
    assert.strictEqual(row.reasonDeleted, true);
    assert.strictEqual(reasonLabel(row), 'Old reason (deleted)');
  });

  it('shows an unknown reason id as "reason #id", and no reason for 0/-1/NA', () => {
    assert.strictEqual(reasonLabel(toAgentRow(rec('1', { currentStatusReason: '999' }), tables, T0)), 'reason #999');
    for (const none of ['0', '-1', 'NA', '']) assert.strictEqual(reasonLabel(toAgentRow(rec('1', { currentStatusReason: none }), tables, T0)), undefined);
  });

  it('display name: record nickname, else users-lookup nickname, else login name, else the id', () => {
    assert.strictEqual(toAgentRow(rec('7'), tables, T0).displayName, 'Agent 7');
    assert.strictEqual(toAgentRow(rec('7', { agentNickname: '' }), tables, T0).displayName, 'Dana');
    assert.strictEqual(toAgentRow(rec('8', { agentNickname: undefined }), tables, T0).displayName, 'agent8@example.com');
    assert.strictEqual(toAgentRow(rec('8', { agentNickname: undefined, agentLoginName: undefined, agentName: undefined }), tables, T0).displayName, 'Agent 8');
  });

  it('takes group and skill names from the lookups when the record has none', () => {
    const row = toAgentRow(rec('7', { agentGroupId: '3', agentGroupName: undefined, agentSkills: [{ skillId: '12' }] }), tables, T0);
    assert.strictEqual(row.groupName, 'Tier 1');
    assert.deepStrictEqual(row.skills, [{ id: '12', name: 'Tech Support' }]);
  });

  it('the fingerprint ignores what only time moves (durations, lastUpdated) but not data', () => {
    const a = toAgentRow(rec('1'), tables, T0);
    const b = toAgentRow(rec('1', { currentStatusDuration: 999_999, lastUpdatedTime: T0 + 30_000 }), tables, T0 + 30_000);
    assert.strictEqual(a.fingerprint, b.fingerprint);
    assert.notStrictEqual(a.fingerprint, toAgentRow(rec('1', { busySlots: 2 }), tables, T0).fingerprint);
    assert.notStrictEqual(a.fingerprint, markStale(a).fingerprint);
  });

  it('time in status and in reason follow the clock', () => {
    const row = toAgentRow(rec('1', { currentStatus: 'AWAY', currentStatusReason: '501', currentStatusReasonStartTime: T0 - 60_000 }), tables, T0);
    assert.strictEqual(timeInStatus(row, T0), 10 * 60_000);
    assert.strictEqual(timeInReason(row, T0 + 1000), 61_000);
    const noStart = toAgentRow(rec('2', { currentStatusStartTime: undefined, currentStatusDuration: 5000 }), tables, T0);
    assert.strictEqual(timeInStatus(noStart, T0 + 1000), 6000);
  });

  it('reads disconnection and presence', () => {
    const row = toAgentRow(rec('1', { currentConnectionState: 'DISCONNECTED', agentPresence: false }), tables, T0);
    assert.strictEqual(row.connected, false);
    assert.strictEqual(row.present, false);
  });
});
