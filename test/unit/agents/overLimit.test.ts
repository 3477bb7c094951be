import * as assert from 'assert';
import { AgentsModel } from '../../../src/agents/agentsModel';
import { AgentsTree, type GroupNode } from '../../../src/agents/agentsTree';
import { evaluateLimit, overByText } from '../../../src/agents/overLimit';
import { evaluateFloors } from '../../../src/agents/staffingFloors';
import { supervisionText } from '../../../src/agents/statusBarText';
import { compileLimits, DEFAULT_TIME_LIMITS, parseTimeLimits } from '../../../src/domain/timeLimits';
import { lookups, rec, result, T0 } from './fixtures';

const MIN = 60_000;
const LUNCH = { id: '7', text: 'Lunch', state: 'Away' as const, enabled: true, deleted: false };
const L = lookups({ reasons: [LUNCH], groups: [{ id: '3', name: 'Billing', deleted: false, isEnabled: true }] as never, skills: [{ id: '11', name: 'Billing' }, { id: '12', name: 'Spanish' }] as never });
const policy = compileLimits(parseTimeLimits([...DEFAULT_TIME_LIMITS, { state: 'Away', reason: 'lunch', minutes: 30 }]).items, 2);

function rows(records: ReturnType<typeof rec>[], at = T0) {
  const m = new AgentsModel();
  m.apply(result(records), L, at);
  return m;
}

describe('agents: time limits (over limit, from the server duration fields)', () => {
  it('counts from the status start for a state rule and from the reason start for a reason rule; says by how much and under which rule', () => {
    const m = rows([
      rec('1', { currentStatus: 'AWAY', currentStatusStartTime: T0 - 27 * MIN }), // Away 15 → over by 12
      rec('2', { currentStatus: 'AWAY', currentStatusStartTime: T0 - 50 * MIN, currentStatusReason: '7', currentStatusReasonStartTime: T0 - 20 * MIN }), // Lunch 30: not over
      rec('3', { currentStatus: 'BACK_SOON', currentStatusStartTime: undefined, currentStatusDuration: 10 * MIN + 30_000 }), // duration only: over by <1
      rec('4', { currentStatus: 'ONLINE', currentStatusStartTime: T0 - 600 * MIN }), // no Online rule
    ]);
    const ev = (id: string, now = T0) => evaluateLimit(m.get(id)!, policy, now);
    assert.strictEqual(overByText(ev('1').hit!.overMs), 'over by 12 min');
    assert.deepStrictEqual(ev('1').hit!.rule, { state: 'Away', minutes: 15 });
    assert.strictEqual(ev('2').hit, undefined);
    assert.strictEqual(ev('2').nextChangeAt, T0 + 10 * MIN + 1, 'the instant it crosses its reason limit');
    assert.strictEqual(ev('2', T0 + 10 * MIN + 1).hit!.rule !== 'disconnected' && (ev('2', T0 + 10 * MIN + 1).hit!.rule as { reason?: string }).reason, 'lunch');
    assert.strictEqual(overByText(ev('3').hit!.overMs), 'over by <1 min');
    assert.strictEqual(ev('1').nextChangeAt, T0 + MIN, 'the next whole minute of "over by"');
    assert.strictEqual(ev('4').hit, undefined);
    assert.strictEqual(ev('4').nextChangeAt, undefined);
  });

  it('logged in but DISCONNECTED longer than the limit is over; the disconnection is tracked across answers', () => {
    const m = new AgentsModel();
    m.apply(result([rec('1', { currentStatusStartTime: T0 - 60 * MIN })]), L, T0);
    m.apply(result([rec('1', { currentStatusStartTime: T0 - 60 * MIN, currentConnectionState: 'DISCONNECTED' })]), L, T0 + 30_000);
    assert.strictEqual(m.get('1')!.disconnectedSince, T0, 'no earlier than the last answer that saw it connected');
    assert.strictEqual(evaluateLimit(m.get('1')!, policy, T0 + 2 * MIN).hit, undefined);
    const hit = evaluateLimit(m.get('1')!, policy, T0 + 3 * MIN).hit!;
    assert.strictEqual(hit.rule, 'disconnected');
    assert.strictEqual(overByText(hit.overMs), 'over by 1 min');
    m.apply(result([rec('1', { currentStatusStartTime: T0 - 60 * MIN, currentConnectionState: 'DISCONNECTED' })]), L, T0 + 4 * MIN);
    assert.strictEqual(m.get('1')!.disconnectedSince, T0, 'kept while it stays disconnected');
    const fresh = rows([rec('2', { currentStatusStartTime: T0 - 5 * MIN, currentConnectionState: 'DISCONNECTED' })]);
    assert.strictEqual(fresh.get('2')!.disconnectedSince, T0 - 5 * MIN, 'first seen: from its status start');
  });

  it('the tree: warning icon and colour, description starting "over by", an Over limit group first, the over-limit filter', () => {
    const m = rows([
      rec('1', { agentNickname: 'Ann', currentStatus: 'AWAY', currentStatusStartTime: T0 - 27 * MIN }),
      rec('2', { agentNickname: 'Bob', currentStatus: 'AWAY', currentStatusStartTime: T0 - 5 * MIN }),
      rec('3', { agentNickname: 'Cat' }),
    ]);
    const tree = new AgentsTree();
    tree.update({ rows: m.all(), groupBy: 'status', filter: {}, now: T0, limits: policy });
    const roots = tree.roots() as GroupNode[];
    assert.deepStrictEqual(roots.map(g => g.presentation.label), ['Over limit (1)', 'Online (1)', 'Back soon (0)', 'Away (2)', 'Offline (0)']);
    assert.strictEqual(roots[0].presentation.iconId, 'warning');
    const ann = roots[0].children[0];
    assert.strictEqual(ann.presentation.iconId, 'warning');
    assert.strictEqual(ann.presentation.colorId, 'list.warningForeground');
    assert.match(ann.presentation.description!, /^over by 12 min · 27 min · load/);
    assert.match(ann.presentation.contextValue, /\boverLimit\b/);
    assert.strictEqual(tree.overLimit.size, 1);
    assert.strictEqual(tree.nodesOfAgent('1').length, 2, 'in Over limit and in Away');
    tree.update({ rows: m.all(), groupBy: 'none', filter: { overLimit: true }, now: T0, limits: policy });
    assert.deepStrictEqual(tree.roots().map(n => n.label), ['Ann']);
    // time passes without a new answer: Bob crosses at 15 min
    assert.strictEqual(tree.nextLimitChangeAt, T0 + MIN);
    tree.update({ rows: m.all(), groupBy: 'none', filter: { overLimit: true }, now: T0 + 10 * MIN + 1, limits: policy });
    assert.deepStrictEqual(tree.roots().map(n => n.label), ['Ann', 'Bob']);
    tree.update({ rows: m.all(), groupBy: 'status', filter: {}, now: T0, limits: compileLimits([]) });
    assert.strictEqual((tree.roots()[0] as GroupNode).label, 'Online', 'no limits: no Over limit group');
  });

  it('staffing floors: online and connected agents per group / skill, shown on the node; unknown names reported', () => {
    const m = rows([
      rec('1', { agentGroupId: '3', agentGroupName: 'Billing' }),
      rec('2', { agentGroupId: '3', agentGroupName: 'Billing', currentConnectionState: 'DISCONNECTED' }),
      rec('3', { agentGroupId: '3', agentGroupName: 'Billing', currentStatus: 'AWAY' }),
      rec('4', { agentSkills: [{ skillId: '12', skillName: 'Spanish' }] }),
    ]);
    const ev = evaluateFloors([{ group: 'billing', online: 4 }, { skill: 'Spanish', online: 1 }, { group: 'Nope', online: 1 }], m.all(), L);
    assert.deepStrictEqual(ev.statuses.map(s => [s.label, s.online, s.needs, s.met]), [['billing', 1, 4, false], ['skill Spanish', 1, 1, true]]);
    assert.deepStrictEqual(ev.unknown, ['group "Nope"']);
    const tree = new AgentsTree();
    tree.update({ rows: m.all(), groupBy: 'group', filter: {}, now: T0, floors: ev.statuses });
    const billing = (tree.roots() as GroupNode[]).find(g => g.key === '3')!;
    assert.strictEqual(billing.presentation.description, '1 online · needs 4');
    assert.strictEqual(billing.presentation.colorId, 'list.warningForeground');
    assert.strictEqual(supervisionText(2, ev.statuses.filter(s => !s.met)), ' $(warning) 2 $(organization) billing 1/4');
    assert.strictEqual(supervisionText(0, []), '');
  });
});
