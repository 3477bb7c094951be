import * as assert from 'assert';
import { defaultUiState, parseHostMessage, parseUiState, parseWebviewMessage } from '../../../src/shared/protocolGuards';
import type { PanelUiState } from '../../../src/shared/protocol';
import { dataset, timeline } from './timelineFixtures';
import { compileLimits } from '../../../src/domain/timeLimits';
import { emptyOverLimit, packOverLimit } from '../../../src/shared/overLimitColumns';

const state: PanelUiState = defaultUiState({ kind: 'agents', agentIds: ['1', '2'], label: '2 agents' }, { kind: 'preset', preset: '24h' }, 'utc');
const totals = () => ({ byState: { online: 1, backSoon: 0, away: 2, offline: 0 }, byReason: { r1: { state: 'away', text: 'Lunch', ms: 2, overMs: 1 } }, loggedIn: 3, overMs: 1 });

describe('shared/protocolGuards', () => {
  it('accepts every webview → host message of the protocol', () => {
    for (const m of [
      { type: 'ready' }, { type: 'cancel' }, { type: 'pickAgents' }, { type: 'copyTotals' }, { type: 'copyLink' },
      { type: 'load', range: { kind: 'preset', preset: '7d' } }, { type: 'load', range: { kind: 'custom', from: 1, to: 2 } },
      { type: 'uiState', state }, { type: 'export', format: 'csv' }, { type: 'export', format: 'json' }, { type: 'action', action: 'signIn' },
    ]) assert.ok(parseWebviewMessage(m).ok, JSON.stringify(m));
  });

  it('refuses unknown or malformed webview messages', () => {
    for (const m of [
      null, 'ready', [], { type: 'open', url: 'x' }, { type: 'load' }, { type: 'load', range: { kind: 'preset', preset: '1y' } },
      { type: 'load', range: { kind: 'custom', from: 5, to: 5 } }, { type: 'load', range: { kind: 'custom', from: '1', to: 2 } },
      { type: 'export', format: 'xlsx' }, { type: 'action', action: 'rm -rf' },
      { type: 'uiState', state: { ...state, version: 2 } }, { type: 'uiState', state: { ...state, timeZone: 'Europe/Paris' } },
      { type: 'uiState', state: { ...state, scope: { kind: 'agents', agentIds: [], label: 'x' } } },
      { type: 'uiState', state: { ...state, view: { start: 5, end: 1 } } },
      { type: 'uiState', state: { ...state, selection: { agentId: 1, start: 0 } } },
    ]) assert.strictEqual(parseWebviewMessage(m).ok, false, JSON.stringify(m));
  });

  it('parses saved UI state for the serializer, refusing junk', () => {
    assert.deepStrictEqual(parseUiState(JSON.parse(JSON.stringify(state))), { ok: true, value: state });
    const bad = parseUiState({ version: 1, scope: { kind: 'all' } });
    assert.strictEqual(bad.ok, false);
    assert.ok(!bad.ok && /range/.test(bad.problem));
  });

  it('accepts host → webview messages and validates the data payload deeply', () => {
    const ds = dataset([[0, 10, 'online'], [10, 20, 'away', 'Lunch']]);
    const overLimit = packOverLimit([timeline('1', [[0, 10, 'online'], [10, 20, 'away', 'Lunch']])], compileLimits([{ state: 'Away', minutes: 0.0001 }]));
    assert.strictEqual(overLimit.index.length, 1);
    const data = { type: 'data', requestId: 3, from: 0, to: 20, now: 20, dataset: ds, totals: { perAgent: { 1: totals() }, overall: totals() }, overLimit, notes: [] };
    assert.ok(parseHostMessage(data).ok);
    assert.ok(parseHostMessage({ type: 'init', state, title: 't' }).ok);
    assert.ok(parseHostMessage({ type: 'loading', requestId: 1, progress: { phase: 'activity', pages: 2, received: 10, chunk: 0, chunks: 1, totalPages: 4 } }).ok);
    assert.ok(parseHostMessage({ type: 'error', requestId: 1, error: { kind: 'permission', title: 't', message: 'm', hint: 'h', actions: [{ id: 'signIn', label: 'Sign In' }] } }).ok);
    assert.ok(parseHostMessage({ type: 'cancelled', requestId: 1 }).ok);
    assert.ok(parseHostMessage({ type: 'notice', level: 'info', text: 'x' }).ok);
    assert.strictEqual(parseHostMessage({ ...data, from: 30 }).ok, false, 'from after to');
    assert.ok(parseHostMessage({ ...data, overLimit: emptyOverLimit(1) }).ok);
    assert.ok(parseHostMessage({ type: 'overLimit', requestId: 3, overLimit, totals: data.totals }).ok);
    // over-limit parts must belong to the dataset: right lane, inside their interval, known rule
    assert.strictEqual(parseHostMessage({ ...data, overLimit: undefined }).ok, false);
    assert.strictEqual(parseHostMessage({ ...data, overLimit: emptyOverLimit(2) }).ok, false);
    assert.strictEqual(parseHostMessage({ ...data, overLimit: { ...overLimit, index: Uint32Array.of(5) } }).ok, false);
    assert.strictEqual(parseHostMessage({ ...data, overLimit: { ...overLimit, from: Float64Array.of(25) } }).ok, false);
    assert.strictEqual(parseHostMessage({ ...data, overLimit: { ...overLimit, rule: Uint16Array.of(3) } }).ok, false);
    assert.strictEqual(parseHostMessage({ ...data, overLimit: { ...overLimit, from: [10] } }).ok, false);
    assert.strictEqual(parseHostMessage({ ...data, totals: { perAgent: {}, overall: { ...totals(), overMs: '1' } } }).ok, false);
    assert.strictEqual(parseHostMessage({ type: 'overLimit', requestId: 3, overLimit, totals: {} }).ok, false);
    assert.strictEqual(parseHostMessage({ ...data, totals: { perAgent: {}, overall: { byState: {} } } }).ok, false);
    assert.strictEqual(parseHostMessage({ ...data, dataset: { ...ds, end: new Float32Array(2) } }).ok, false);
    assert.strictEqual(parseHostMessage({ type: 'error', requestId: 1, error: { kind: 'x', title: 't', message: 'm', hint: 'h', actions: [{ id: 'eval', label: 'x' }] } }).ok, false);
    assert.strictEqual(parseHostMessage({ type: 'loading', requestId: -1, progress: {} }).ok, false);
  });
});
