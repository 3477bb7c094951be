// Browser benchmark of the Activity Timeline renderer: the REAL built webview (dist/webview) in
// headless Chromium (software raster), fed synthetic columnar data as the host would post it, at
// 10k, 100k and 1M intervals. Measures first paint (data message → first frame drawn), the median
// main-thread time of a zoom step (a wheel event + the frame it causes) and of a pan step (an arrow
// key + its frame), and the JS heap after GC. Goals at 1M: first paint < 1 s, zoom/pan < 16 ms a
// step, heap < 300 MB. Run: npm run bench -- timelineRender
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, deliverSyntheticData, startPageServer } from './timelinePage';

interface Case { label: string; lanes: number; perLane: number; density: 'compact' | 'fit' }
const CASES: Case[] = [
  { label: '10k', lanes: 100, perLane: 100, density: 'compact' },
  { label: '100k', lanes: 1000, perLane: 100, density: 'compact' },
  { label: '1M', lanes: 1000, perLane: 1000, density: 'compact' },
  { label: '1M', lanes: 1000, perLane: 1000, density: 'fit' },
];
const DAY = 86_400_000;
const ROUNDS = 3;

interface Steps { zoom: number[]; pan: number[]; modes: string[] }

/** Runs in the page: wheel-zoom in then out around the centre, then arrow-key pans, each drawn synchronously. */
function measureSteps(): Steps {
  const g = globalThis as unknown as { __timeline: { view: { canvas: { getBoundingClientRect(): { left: number; top: number; width: number; height: number }; dispatchEvent(e: unknown): void }; drawNow(): { mode: string } | undefined; zoomBy(f: number): void } }; WheelEvent: new (t: string, i: object) => unknown; KeyboardEvent: new (t: string, i: object) => unknown };
  const view = g.__timeline.view;
  const r = view.canvas.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + 30 + (r.height - 30) / 2;
  const zoom: number[] = [];
  const pan: number[] = [];
  const modes: string[] = [];
  const step = (fire: () => void, into: number[]) => {
    const t = performance.now();
    fire();
    const s = view.drawNow();
    into.push(performance.now() - t);
    if (s) modes.push(s.mode);
  };
  const wheel = (dy: number) => () => view.canvas.dispatchEvent(new g.WheelEvent('wheel', { deltaY: dy, deltaMode: 0, clientX: x, clientY: y, bubbles: true, cancelable: true }));
  const key = (k: string) => () => view.canvas.dispatchEvent(new g.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  for (let i = 0; i < 12; i++) step(wheel(-120), zoom); // in
  for (let i = 0; i < 12; i++) step(wheel(120), zoom); // out
  view.zoomBy(0.25); // a week of a month: something to pan over
  view.drawNow();
  for (let i = 0; i < 10; i++) step(key('ArrowLeft'), pan);
  for (let i = 0; i < 10; i++) step(key('ArrowRight'), pan);
  return { zoom, pan, modes };
}

const median = (a: number[]) => { const s = [...a].sort((p, q) => p - q); return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN; };
const p95 = (a: number[]) => { const s = [...a].sort((p, q) => p - q); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage') as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return (h.usedSize + (h.backingStorageSize ?? 0)) / 1048576;
}

async function main(): Promise<void> {
  const server = await startPageServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows: string[][] = [];
  let failedGoals = 0;
  try {
    for (const c of CASES) {
      const rounds: { firstPaint: number; steps: Steps; heap: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const errors: string[] = [];
        page.on('pageerror', e => errors.push(String(e)));
        await page.goto(server.url('dark'));
        await page.waitForFunction(() => (globalThis as unknown as { __posted?: unknown[] }).__posted?.length);
        const to = Date.UTC(2026, 10, 23, 12);
        const from = to - 30 * DAY;
        const t0 = await page.evaluate(deliverSyntheticData, { lanes: c.lanes, perLane: c.perLane, from, to, now: to, density: c.density });
        await page.waitForFunction(() => ((globalThis as unknown as { __timeline: { view: { frames: number } } }).__timeline.view.frames) > 0, undefined, { timeout: 60_000 });
        const firstPaint = (await page.evaluate(() => (globalThis as unknown as { __timeline: { view: { lastDrawEnd: number } } }).__timeline.view.lastDrawEnd)) - t0;
        const steps = await page.evaluate(measureSteps);
        const heap = await heapMb(page);
        if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
        rounds.push({ firstPaint, steps, heap });
        await page.close();
      }
      const n = c.lanes * c.perLane;
      const firstPaint = median(rounds.map(r => r.firstPaint));
      const zoomAll = rounds.flatMap(r => r.steps.zoom);
      const panAll = rounds.flatMap(r => r.steps.pan);
      const zoom = median(zoomAll);
      const pan = median(panAll);
      const heap = median(rounds.map(r => r.heap));
      const modes = [...new Set(rounds.flatMap(r => r.steps.modes))].join('+');
      rows.push([c.label, n.toLocaleString('en'), String(c.lanes), c.density, modes, firstPaint.toFixed(0), `${zoom.toFixed(1)} (p95 ${p95(zoomAll).toFixed(1)})`, `${pan.toFixed(1)} (p95 ${p95(panAll).toFixed(1)})`, heap.toFixed(0)]);
      if (n >= 1_000_000) {
        const misses = [firstPaint >= 1000 && 'first paint', zoom >= 16 && 'zoom', pan >= 16 && 'pan', heap >= 300 && 'heap'].filter(Boolean);
        if (misses.length) { failedGoals++; console.log(`  goal missed at 1M (${c.density}): ${misses.join(', ')}`); }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const head = ['size', 'intervals', 'lanes', 'density', 'mode(s)', 'first paint ms', 'zoom step ms (median)', 'pan step ms (median)', 'heap MB'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const line = (r: string[]) => `| ${r.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`headless Chromium (${CHROMIUM_ARGS.includes('--disable-gpu') ? 'software raster' : 'gpu'}), 1280×800, 30-day window, medians of ${ROUNDS} rounds (first paint, heap) and of all rounds' steps; goals at 1M: first paint < 1000 ms, zoom/pan < 16 ms, heap < 300 MB${failedGoals ? ` — ${failedGoals} case(s) missed a goal` : ' — all met'}`);
}
main().catch(e => { console.error(e); process.exit(1); });
