// Screenshots of the real webview bundle with synthetic data, in dark, light and high-contrast
// themes (for looking at, not asserting): node out/test/bench/timelineScreens.js [outDir]
import * as path from 'path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, deliverSyntheticData, startPageServer, type ThemeKind } from './timelinePage';

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? '/tmp/timeline-shots');
  const server = await startPageServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const now = Date.UTC(2026, 10, 23, 13, 30);
    type Extra = 'error' | 'loading' | 'select';
    const shots: { name: string; theme: ThemeKind; lanes: number; perLane: number; from: number; density?: string; groupByGroup?: boolean; hover?: boolean; width?: number; view?: { start: number; end: number }; extra?: Extra }[] = [
      { name: 'dark-900-zoomed-selected', theme: 'dark', lanes: 8, perLane: 60, from: now - 86_400_000, width: 900, view: { start: now - 9 * 3_600_000, end: now - 6 * 3_600_000 }, extra: 'select' },
      { name: 'light-error-403', theme: 'light', lanes: 3, perLane: 10, from: now - 86_400_000, extra: 'error' },
      { name: 'dark-loading', theme: 'dark', lanes: 3, perLane: 10, from: now - 86_400_000, extra: 'loading' },
      { name: 'dark-24h', theme: 'dark', lanes: 14, perLane: 40, from: now - 86_400_000, hover: true },
      { name: 'light-24h', theme: 'light', lanes: 14, perLane: 40, from: now - 86_400_000, groupByGroup: true },
      { name: 'hc-24h', theme: 'hc', lanes: 14, perLane: 40, from: now - 86_400_000 },
      { name: 'dark-30d-fit', theme: 'dark', lanes: 400, perLane: 300, from: now - 30 * 86_400_000, density: 'fit' },
    ];
    for (const s of shots) {
      const page = await browser.newPage({ viewport: { width: s.width ?? 1280, height: 800 } });
      const errors: string[] = [];
      page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
      page.on('pageerror', e => errors.push(String(e)));
      await page.goto(server.url(s.theme));
      await page.waitForFunction(() => (globalThis as unknown as { __posted?: unknown[] }).__posted?.length);
      await page.evaluate(deliverSyntheticData, { lanes: s.lanes, perLane: s.perLane, from: s.from, to: now, now, density: s.density, groupByGroup: s.groupByGroup, view: s.view });
      await page.waitForFunction(() => ((globalThis as unknown as { __timeline?: { stats(): { frames: number } } }).__timeline?.stats().frames ?? 0) > 0);
      if (s.extra === 'error' || s.extra === 'loading') {
        await page.evaluate(kind => {
          const g = globalThis as unknown as { dispatchEvent(e: unknown): void; MessageEvent: new (t: string, i: { data: unknown }) => unknown };
          const data = kind === 'error'
            ? { type: 'error', requestId: 2, error: { kind: 'permission', title: 'Missing permission: Agent Activity', message: 'Agent Activity refused the request (403): the API key lacks a permission.', hint: 'The API key or user needs the “Data → Workforce Management → Agent Status Changes (older pages: “Agent Activity API”)” permission. Ask an account administrator to grant it, or sign in with a key that has it.', actions: [{ id: 'signIn', label: 'Sign In…' }, { id: 'showLog', label: 'Show Log' }] } }
            : { type: 'loading', requestId: 2, progress: { phase: 'activity', pages: 7, totalPages: 20, received: 6412, chunk: 0, chunks: 1 } };
          g.dispatchEvent(new g.MessageEvent('message', { data }));
        }, s.extra);
        await page.waitForTimeout(150);
      }
      if (s.extra === 'select') {
        const box = await page.locator('canvas.plot').boundingBox();
        if (box) { await page.mouse.click(box.x + box.width * 0.5, box.y + 30 + 26 * 2 + 12); await page.mouse.move(box.x + box.width * 0.3, box.y + 30 + 26 * 5 + 12); }
        await page.waitForTimeout(150);
      }
      if (s.hover) {
        const box = await page.locator('canvas.plot').boundingBox();
        if (box) await page.mouse.move(box.x + box.width * 0.42, box.y + 30 + 26 * 3 + 12);
        await page.waitForTimeout(100);
      }
      await page.screenshot({ path: path.join(outDir, `${s.name}.png`) });
      console.log(`${s.name}.png ${errors.length ? `console: ${errors.join(' | ')}` : 'ok'}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
main().catch(e => { console.error(e); process.exit(1); });
