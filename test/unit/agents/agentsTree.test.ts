import * as assert from 'assert';
import { AgentsModel } from '../../../src/agents/agentsModel';
import { AgentsTree, type AgentNode, type GroupBy, type GroupNode } from '../../../src/agents/agentsTree';
import type { AgentFilter } from '../../../src/agents/agentsFilter';
import { rec, result, T0 } from './fixtures';
import type { AgentStatusRecord } from '../../../src/api/types';

function build(records: AgentStatusRecord[], groupBy: GroupBy = 'status', filter: AgentFilter = {}) {
  const model = new AgentsModel();
  const tree = new AgentsTree();
  model.apply(result(records), undefined, T0);
  const first = tree.update({ rows: model.all(), groupBy, filter, now: T0 });
  const next = (recs: AgentStatusRecord[], opts: { groupBy?: GroupBy; filter?: AgentFilter; now?: number; partial?: boolean } = {}) => {
    model.apply(result(recs, opts.partial), undefined, opts.now ?? T0);
    return tree.update({ rows: model.all(), groupBy: opts.groupBy ?? groupBy, filter: opts.filter ?? filter, now: opts.now ?? T0 });
  };
  return { model, tree, first, next };
}
const labels = (tree: AgentsTree) => tree.roots().map(n => n.presentation.label);
const groups = (tree: AgentsTree) => tree.roots() as GroupNode[];

const SAMPLE = [
  rec('1', { agentNickname: 'Bea' }),
  rec('2', { agentNickname: 'Al', currentStatus: 'AWAY', agentGroupId: '3', agentGroupName: 'Tier 1', agentSkills: [{ skillId: '11', skillName: 'Billing' }, { skillId: '12', skillName: 'Tech' }] }),
  rec('3', { agentNickname: 'Cy', currentStatus: 'BACK_SOON', agentSkills: [] }),
  rec('4', { agentNickname: 'Di', currentStatus: 'AWAY' }),
];

describe('agents: AgentsTree grouping', () => {
  it('by status: Online, Back soon, Away, Offline with counts, agents sorted by name', () => {
    const { tree } = build(SAMPLE);
    assert.deepStrictEqual(labels(tree), ['Online (1)', 'Back soon (1)', 'Away (2)', 'Offline (0)']);
    assert.deepStrictEqual(groups(tree)[2].children.map(c => c.label), ['Al', 'Di']);
    assert.deepStrictEqual(groups(tree)[2].children.map(c => c.id), ['agent:away:2', 'agent:away:4']);
    assert.strictEqual(groups(tree)[2].presentation.contextValue, 'agentGroup status');
  });

  it('by group and by skill (an agent under each of its skills, ids still unique); flat', () => {
    const byGroup = build(SAMPLE, 'group').tree;
    assert.deepStrictEqual(labels(byGroup), ['Main Group (3)', 'Tier 1 (1)']);
    const bySkill = build(SAMPLE, 'skill').tree;
    assert.deepStrictEqual(labels(bySkill), ['Billing (3)', 'Tech (1)', 'No skill (1)']);
    const ids = (bySkill.roots() as GroupNode[]).flatMap(g => g.children.map(c => c.id));
    assert.strictEqual(new Set(ids).size, ids.length, 'tree ids are unique');
    assert.ok(ids.includes('agent:11:2') && ids.includes('agent:12:2'));
    assert.strictEqual(bySkill.nodesOfAgent('2').length, 2);
    const flat = build(SAMPLE, 'none').tree;
    assert.deepStrictEqual(flat.roots().map(n => n.id), ['agent:2', 'agent:1', 'agent:3', 'agent:4']);
  });

  it('getParent data: every agent node knows its group; nodes implement AgentSelection', () => {
    const { tree } = build(SAMPLE);
    const away = groups(tree)[2];
    for (const c of away.children) assert.strictEqual(c.parent, away);
    assert.deepStrictEqual([...away.agentIds], ['2', '4']);
    assert.strictEqual(away.label, 'Away');
    assert.deepStrictEqual([...away.children[0].agentIds], ['2']);
  });

  it('agent rows: reason, status icon/colour, a distinct mark for disconnected, contextValue tokens', () => {
    const { tree } = build([rec('1', { currentConnectionState: 'DISCONNECTED' }), rec('2', { currentStatus: 'AWAY', currentStatusReason: '77' })]);
    const online = groups(tree)[0].children[0] as AgentNode;
    assert.strictEqual(online.presentation.iconId, 'debug-disconnect');
    assert.strictEqual(online.presentation.colorId, 'charts.green');
    assert.strictEqual(online.presentation.contextValue, 'agent online disconnected');
    assert.match(online.presentation.description!, /^disconnected · 10 min · load 50%$/);
    const away = groups(tree)[2].children[0] as AgentNode;
    assert.strictEqual(away.presentation.iconId, 'circle-slash');
    assert.strictEqual(away.presentation.contextValue, 'agent away');
    assert.match(away.presentation.description!, /reason #77/);
  });

  it('filters by status, skill, group, connection and name; no agents → no groups', () => {
    const f = (filter: AgentFilter) => build(SAMPLE, 'none', filter).tree.roots().map(n => n.label);
    assert.deepStrictEqual(f({ statuses: ['away'] }), ['Al', 'Di']);
    assert.deepStrictEqual(f({ skillIds: ['12'] }), ['Al']);
    assert.deepStrictEqual(f({ groupIds: ['3'] }), ['Al']);
    assert.deepStrictEqual(f({ nameContains: 'b' }), ['Bea']);
    assert.deepStrictEqual(f({ connection: 'disconnected' }), []);
    assert.deepStrictEqual(build(SAMPLE, 'status', { nameContains: 'zzz' }).tree.roots(), []);
    assert.deepStrictEqual(labels(build(SAMPLE, 'status', { statuses: ['away', 'online'] }).tree), ['Online (1)', 'Away (2)']);
  });
});

describe('agents: AgentsTree diffing (narrow refreshes)', () => {
  it('an unchanged answer fires nothing and re-renders nothing', () => {
    const { next } = build(SAMPLE);
    const d = next(SAMPLE);
    assert.deepStrictEqual(d, { root: false, nodes: [], rerendered: 0, aged: 0 });
  });

  it('a change inside a group fires only that agent node, and node objects are reused', () => {
    const { tree, next } = build(SAMPLE);
    const before = groups(tree)[2].children[1];
    const d = next(SAMPLE.map(r => (r.agentId === '4' ? { ...r, busySlots: 2 } : r)));
    assert.strictEqual(d.root, false);
    assert.deepStrictEqual(d.nodes.map(n => n.id), ['agent:away:4']);
    assert.strictEqual(d.rerendered, 1);
    assert.strictEqual(groups(tree)[2].children[1], before, 'same node object: expansion/selection survive');
  });

  it('a status change fires the two groups whose counts changed, not the others', () => {
    const { next } = build(SAMPLE);
    const d = next(SAMPLE.map(r => (r.agentId === '1' ? { ...r, currentStatus: 'AWAY' as const } : r)));
    assert.strictEqual(d.root, false);
    assert.deepStrictEqual(d.nodes.map(n => n.id).sort(), ['agentGroup:status:away', 'agentGroup:status:online']);
  });

  it('regrouping or a new group refreshes the root', () => {
    const { next } = build(SAMPLE, 'group');
    assert.strictEqual(next([...SAMPLE, rec('9', { agentGroupId: '8', agentGroupName: 'Tier 2' })]).root, true);
    assert.strictEqual(next(SAMPLE, { groupBy: 'skill' }).root, true);
  });

  it('rows whose coarse time-in-status text moved are re-rendered and counted as aged', () => {
    const { next } = build([rec('1')]);
    const d = next([rec('1')], { now: T0 + 61_000 });
    assert.strictEqual(d.aged, 1);
    assert.strictEqual(d.nodes.length, 1);
    const e = next([rec('1')], { now: T0 + 62_000 });
    assert.strictEqual(e.rerendered, 0);
  });

  it('a partial answer keeps the missing agent in place, marked stale', () => {
    const { tree, next } = build(SAMPLE);
    const d = next(SAMPLE.filter(r => r.agentId !== '4'), { partial: true });
    const di = groups(tree)[2].children.find(c => c.agentId === '4')!;
    assert.ok(di, 'still shown');
    assert.match(di.presentation.description!, /^stale/);
    assert.ok(d.nodes.some(n => n.id === 'agentGroup:status:away' || n.id === 'agent:away:4'));
    assert.strictEqual(groups(tree)[2].presentation.description, '1 stale');
  });

  it('1% of 1,000 agents changed → only those nodes (or their groups) fire', () => {
    const many = Array.from({ length: 1000 }, (_, i) => rec(String(1000 + i), { agentNickname: `A${i}`, currentStatus: i % 3 ? 'ONLINE' : 'AWAY' }));
    const { next } = build(many);
    const changed = many.map((r, i) => (i % 100 === 0 ? { ...r, load: 0.9 } : r));
    const d = next(changed);
    assert.strictEqual(d.root, false);
    assert.strictEqual(d.rerendered, 10);
    assert.strictEqual(d.nodes.length, 10);
  });
});

describe('agents: telling agents apart', () => {
  it('two agents with the same display name get their login (before the @) in the label; others stay plain', () => {
    const { tree } = build([
      rec('1', { agentNickname: 'Chloé', agentLoginName: 'chloe.moreau@example.com' }),
      rec('2', { agentNickname: 'chloé', agentLoginName: 'chloe.martin@example.com' }),
      rec('3', { agentNickname: 'Bea', agentLoginName: 'bea@example.com' }),
    ], 'none');
    assert.deepStrictEqual(labels(tree).sort(), ['Bea', 'Chloé (chloe.moreau)', 'chloé (chloe.martin)']);
  });

  it('the label follows when a namesake logs in or out (the node is re-rendered, nothing else)', () => {
    const chloe = rec('1', { agentNickname: 'Chloé', agentLoginName: 'chloe.moreau@example.com' });
    const bea = rec('3', { agentNickname: 'Bea' });
    const { tree, next } = build([chloe, bea], 'none');
    assert.deepStrictEqual(labels(tree), ['Bea', 'Chloé']);
    const twin = rec('2', { agentNickname: 'Chloé', agentLoginName: 'chloe.martin@example.com' });
    next([chloe, bea, twin]);
    assert.deepStrictEqual(labels(tree), ['Bea', 'Chloé (chloe.moreau)', 'Chloé (chloe.martin)']);
    const d = next([chloe, bea]);
    assert.deepStrictEqual(labels(tree), ['Bea', 'Chloé']);
    assert.strictEqual(d.rerendered, 1);
  });

  it('a namesake who is not logged in counts too (the account\'s users), so the label matches the timeline\'s lane name', () => {
    const model = new AgentsModel();
    const tree = new AgentsTree();
    model.apply(result([rec('1', { agentNickname: 'Chloé', agentLoginName: 'chloe.moreau@example.com' }), rec('3', { agentNickname: 'Bea' })]), undefined, T0);
    const accountNames = new Map([['1', 'Chloé'], ['2', 'Chloé'], ['3', 'Bea']]);
    tree.update({ rows: model.all(), accountNames, groupBy: 'none', filter: {}, now: T0 });
    assert.deepStrictEqual(labels(tree), ['Bea', 'Chloé (chloe.moreau)']);
    // the same agent listed as a user and as a row is one holder of the name, not two
    tree.update({ rows: model.all(), accountNames: new Map([['1', 'Chloé'], ['3', 'Bea']]), groupBy: 'none', filter: {}, now: T0 });
    assert.deepStrictEqual(labels(tree), ['Bea', 'Chloé']);
  });

  it('"name contains" matches the display name and the login before the @, not the shared domain', () => {
    const recs = [rec('1', { agentNickname: 'Bea', agentLoginName: 'bea.stone@example.com' }), rec('2', { agentNickname: 'Cy', agentLoginName: 'cy@example.com' })];
    const shown = (nameContains: string) => build(recs, 'none', { nameContains }).tree.roots().map(n => (n as AgentNode).agentId);
    assert.deepStrictEqual(shown('example'), []);
    assert.deepStrictEqual(shown('a'), ['1']);
    assert.deepStrictEqual(shown('stone'), ['1']);
    assert.deepStrictEqual(shown('CY'), ['2']);
  });
});
