import * as assert from 'assert';
import { DENSITY_HEIGHT, layoutLanes, maxScroll, rowAt, scrollToShow, stepLaneRow, visibleRows } from '../../../src/webview/model/laneLayout';
import type { LaneInfo } from '../../../src/shared/columnar';

const lanes: LaneInfo[] = [
  { agentId: '1', name: 'Ann', groupName: 'Sales' },
  { agentId: '2', name: 'Bob', groupName: 'Billing' },
  { agentId: '3', name: 'Cy' },
  { agentId: '4', name: 'Di', groupName: 'Sales' },
];

describe('webview/model/laneLayout', () => {
  it('one row per lane at the density height', () => {
    const l = layoutLanes(lanes, { groupByGroup: false, density: 'compact', viewportHeight: 500 });
    assert.strictEqual(l.rows.length, 4);
    assert.strictEqual(l.rowHeight, DENSITY_HEIGHT.compact);
    assert.deepStrictEqual(Array.from(l.rowOfLane), [0, 1, 2, 3]);
  });
  it('groups by agent group with header rows, groups sorted by name', () => {
    const l = layoutLanes(lanes, { groupByGroup: true, density: 'comfortable', viewportHeight: 500 });
    assert.deepStrictEqual(l.rows.map(r => (r.kind === 'group' ? `#${r.label}:${r.lanes}` : lanes[r.lane].name)), ['#Billing:1', 'Bob', '#No group:1', 'Cy', '#Sales:2', 'Ann', 'Di']);
    assert.strictEqual(l.rowOfLane[3], 6);
    assert.strictEqual(stepLaneRow(l, 1, 1), 3, 'skips the header');
    assert.strictEqual(stepLaneRow(l, 6, 1), 6, 'stays at the end');
  });
  it('"fit" squeezes every lane on screen, thinner than a pixel if needed, and drops headers when too thin', () => {
    const many: LaneInfo[] = Array.from({ length: 1000 }, (_, i) => ({ agentId: String(i), name: `A${i}`, groupName: `G${i % 3}` }));
    const l = layoutLanes(many, { groupByGroup: true, density: 'fit', viewportHeight: 500 });
    assert.strictEqual(l.rows.length, 1000);
    assert.ok(Math.abs(l.contentHeight - 500) < 1e-6);
    assert.ok(l.rowHeight < 1);
  });
  it('virtualises: only rows on screen', () => {
    const l = layoutLanes(Array.from({ length: 100 }, (_, i) => ({ agentId: String(i), name: `A${i}` })), { groupByGroup: false, density: 'compact', viewportHeight: 140 });
    assert.deepStrictEqual(visibleRows(l, 0, 140), [0, 10]);
    assert.deepStrictEqual(visibleRows(l, 7, 140), [0, 11]);
    assert.deepStrictEqual(visibleRows(l, 1400 - 140, 140), [90, 100]);
    assert.strictEqual(rowAt(l, 29), 2);
    assert.strictEqual(rowAt(l, -1), -1);
    assert.strictEqual(rowAt(l, 1400), -1);
    assert.strictEqual(maxScroll(l, 140), 1260);
    assert.strictEqual(scrollToShow(l, 50, 0, 140), 51 * 14 - 140);
    assert.strictEqual(scrollToShow(l, 3, 700, 140), 42);
    assert.strictEqual(scrollToShow(l, 52, 700, 140), 700);
  });
});
