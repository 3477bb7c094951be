import * as assert from 'node:assert/strict';
import {
  AGENT_STATES, activitySubTypeFromState, metricsFromState, reasonStateFromState, stateFromActivitySubType, stateFromMetrics, stateFromReasonState,
} from '../../../src/domain/agentState';

describe('domain/agentState: one vocabulary across the three APIs (§7, §5.4)', () => {
  it('maps Agent Metrics, Agent Activity and Status Reason spellings to the same states', () => {
    assert.deepEqual(['ONLINE', 'AWAY', 'BACK_SOON', 'OFFLINE'].map(stateFromMetrics), ['online', 'away', 'backSoon', 'offline']);
    assert.deepEqual([2, 4, 3, 1].map(stateFromActivitySubType), ['online', 'away', 'backSoon', 'offline']);
    assert.deepEqual((['Online', 'Away', 'Occupied'] as const).map(stateFromReasonState), ['online', 'away', 'backSoon']);
    assert.equal(stateFromMetrics('SOMETHING_NEW'), 'offline');
    assert.equal(stateFromActivitySubType(0), 'offline');
  });
  it('round-trips every state', () => {
    for (const s of AGENT_STATES) {
      assert.equal(stateFromMetrics(metricsFromState(s)), s);
      assert.equal(stateFromActivitySubType(activitySubTypeFromState(s)), s);
      const rs = reasonStateFromState(s);
      if (s === 'offline') assert.equal(rs, undefined);
      else assert.equal(stateFromReasonState(rs!), s);
    }
  });
});
