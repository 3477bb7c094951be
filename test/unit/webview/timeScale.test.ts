import * as assert from 'assert';
import { clampWindow, MIN_SPAN_MS, panByPixels, timeToX, wheelZoomFactor, windowBetween, xToTime, zoomAt } from '../../../src/webview/model/timeScale';

const B = { start: 0, end: 86_400_000 };

describe('webview/model/timeScale', () => {
  it('maps time to x and back', () => {
    assert.strictEqual(timeToX(B, 1000, 43_200_000), 500);
    assert.strictEqual(xToTime(B, 1000, 250), 21_600_000);
  });
  it('zooms about the pointer, keeping the time under it fixed', () => {
    const w = zoomAt(B, 1000, 250, 0.5, B);
    assert.strictEqual(w.end - w.start, 43_200_000);
    assert.strictEqual(xToTime(w, 1000, 250), xToTime(B, 1000, 250));
  });
  it('never zooms past the range or below a minute', () => {
    assert.deepStrictEqual(zoomAt(B, 1000, 500, 4, B), B);
    const tiny = zoomAt({ start: 1000, end: 1000 + MIN_SPAN_MS }, 1000, 0, 0.1, B);
    assert.strictEqual(tiny.end - tiny.start, MIN_SPAN_MS);
  });
  it('pans by pixels and stops at the edges', () => {
    const w = { start: 21_600_000, end: 43_200_000 };
    assert.deepStrictEqual(panByPixels(w, 1000, 500, B), { start: 10_800_000, end: 32_400_000 });
    assert.deepStrictEqual(panByPixels(w, 1000, 5000, B), { start: 0, end: 21_600_000 });
    assert.deepStrictEqual(panByPixels(w, 1000, -5000, B), { start: 64_800_000, end: 86_400_000 });
  });
  it('turns a drag selection into a window, in either direction', () => {
    assert.deepStrictEqual(windowBetween(B, 1000, 750, 250, B), { start: 21_600_000, end: 64_800_000 });
  });
  it('clamps windows into the bounds', () => {
    assert.deepStrictEqual(clampWindow({ start: -10, end: 2e9 }, B), B);
    assert.deepStrictEqual(clampWindow({ start: -10, end: 90 + MIN_SPAN_MS }, B), { start: 0, end: 100 + MIN_SPAN_MS });
  });
  it('wheel: up zooms in, down zooms out, lines and pages scale', () => {
    assert.ok(wheelZoomFactor(-100, 0) < 1 && wheelZoomFactor(100, 0) > 1);
    assert.ok(wheelZoomFactor(3, 1) > wheelZoomFactor(3, 0));
    assert.strictEqual(wheelZoomFactor(1e9, 0), wheelZoomFactor(200, 0), 'bounded per event');
  });
});
