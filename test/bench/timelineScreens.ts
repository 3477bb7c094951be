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
    const shots: { name: string; theme: ThemeKind; lanes: number; perLane: number; from: number; density?: string; groupByGroup?: boolean; hover?: boolean }[] = [
      { name: 'dark-24h', theme: 'dark', lanes: 14, perLane: 40, from: now - 86_400_000, hover: true },
      { name: 'light-24h', theme: 'light', lanes: 14, perLane: 40, from: now - 86_400_000, groupByGroup: true },
      { name: 'hc-24h', theme: 'hc', lanes: 14, perLane: 40, from: now - 86_400_000 },
      { name: 'dark-30d-fit', theme: 'dark', lanes: 400, perLane: 300, from: now - 30 * 86_400_000, density: 'fit' },
    ];
    for (const s of shots) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
      page.on('pageerror', e => errors.push(String(e)));
      await page.goto(server.url(s.theme));
      await page.waitForFunction(() => (globalThis as unknown as { __posted?: unknown[] }).__posted?.length);
      await page.evaluate(deliverSyntheticData, { lanes: s.lanes, perLane: s.perLane, from: s.from, to: now, now, density: s.density, groupByGroup: s.groupByGroup });
      await page.waitForFunction(() => ((globalThis as unknown as { __timeline?: { stats(): { frames: number } } }).__timeline?.stats().frames ?? 0) > 0);
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
