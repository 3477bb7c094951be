// Activity Timeline in a real browser: opened from a Live Agents agent row (context menu), the
// webview draws lanes (the lane name is the tree's display name), hovering a bar shows the tooltip,
// zooming changes the time axis. The webview must not trip its Content Security Policy.
// Screenshots in test-results/e2e/ — look at them.
'use strict';

const GROUP_LABEL = /^(Online|Back soon|Away|Offline) \(\d+\)$/;
const cspErrors = [];
let listening = false;
let agentName = '';
let barPoint; // where the tooltip showed: a bar to click

function listen(ui) {
  if (listening) return;
  listening = true;
  ui.page.on('console', m => {
    const t = m.text();
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(t) && /timeline|vscode-resource|vscode-cdn|webview/i.test(t)) cspErrors.push(t);
  });
}

async function chart(ui) {
  const chartEl = ui.webview().locator('.chart');
  await chartEl.waitFor({ state: 'attached', timeout: 60_000 });
  return chartEl;
}

const steps = [
  ['open the timeline from a Live Agents agent row', async ui => {
    listen(ui);
    await ui.openContainer();
    await ui.expandView('Live Agents');
    const view = ui.view('Live Agents');
    await view.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    // an agent row (not a status group): expand the first group if needed
    let rows = view.locator('.monaco-list-row[aria-level="2"]');
    if (!(await rows.count())) {
      await view.locator('.monaco-list-row[aria-level="1"]').first().click();
      await ui.page.keyboard.press('ArrowRight');
      rows = view.locator('.monaco-list-row[aria-level="2"]');
      await rows.first().waitFor({ state: 'visible' });
    }
    // an agent in their status for an hour or more: Agent Activity lags about an hour, so an agent who
    // logged in minutes ago has only a sliver of a "now" segment to hover (fallback: the first row)
    const long = rows.filter({ has: ui.page.locator('.label-description', { hasText: /(^|\s)\d+ [hd](\s|$)/ }) });
    const row = (await long.count()) ? long.first() : rows.first();
    agentName = (await row.locator('.label-name').innerText()).trim();
    if (!agentName || GROUP_LABEL.test(agentName)) throw new Error(`not an agent row: "${agentName}"`);
    ui.log('opening the timeline for', agentName);
    const tab = ui.page.locator('.tabs-container .tab', { hasText: 'Activity Timeline' }).first();
    // the row's context menu (menus ignore a click that comes too soon after they open: wait a beat)
    await row.click({ button: 'right' });
    const item = ui.page.locator('.context-view .action-item', { hasText: 'Show Activity Timeline' }).first();
    await item.waitFor({ state: 'visible' });
    await ui.page.waitForTimeout(400);
    await item.locator('.action-label').click();
    const opened = await tab.waitFor({ state: 'visible', timeout: 8_000 }).then(() => true, () => false);
    if (!opened) {
      // the same command from the row's inline action
      ui.log('context menu did not open the panel; using the row\'s inline action');
      await ui.page.keyboard.press('Escape');
      await row.hover();
      await row.locator('.action-label[aria-label^="Show Activity Timeline"]').click();
    }
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
  }],
  ['the webview draws the agent’s lane with a time axis', async ui => {
    const c = await chart(ui);
    const wv = ui.webview();
    await wv.locator('body[data-lanes]').waitFor({ state: 'attached', timeout: 60_000 });
    const lanes = Number(await wv.locator('body').getAttribute('data-lanes'));
    const intervals = Number(await wv.locator('body').getAttribute('data-intervals'));
    if (lanes !== 1) throw new Error(`expected 1 lane, got ${lanes}`);
    if (!(intervals > 0)) throw new Error('no intervals drawn');
    const name = (await wv.locator('.lane-name:not([hidden])').first().innerText()).trim();
    if (name !== agentName) throw new Error(`lane name "${name}" ≠ tree label "${agentName}"`);
    const frames = Number(await c.getAttribute('data-frames'));
    if (!(frames > 0)) throw new Error('the canvas never drew');
    const axis = await c.getAttribute('data-axis');
    if (!axis) throw new Error('no axis labels');
    // the default time limits (Away 15 min, Back soon 10 min) are set: the legend explains the over-limit mark
    const overParts = await wv.locator('body').getAttribute('data-over-limit-parts');
    if (overParts === null) throw new Error('the over-limit marks did not arrive with the data');
    if (!(await wv.locator('.legend-item:has(.swatch.overLimit)').isVisible())) throw new Error('no "Over time limit" legend entry although limits are set');
    ui.log(`lanes drawn: ${lanes} lane, ${intervals} intervals (${overParts} over a time limit); axis: ${axis}`);
    await ui.shot('timeline-lanes');
  }],
  ['hovering a bar shows a tooltip with the agent, state and times', async ui => {
    const wv = ui.webview();
    const canvas = wv.locator('canvas.plot');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas box');
    const tooltip = wv.locator('.tooltip');
    const y = box.y + 30 + 13; // axis height + half the first lane
    let shown = false;
    for (let x = box.x + box.width - 8; x > box.x + 8 && !shown; x -= Math.max(6, box.width / 40)) {
      await ui.page.mouse.move(x, y);
      await ui.page.waitForTimeout(60);
      shown = await tooltip.isVisible();
      if (shown) barPoint = { x, y };
    }
    if (!shown) throw new Error('no tooltip over the lane');
    const text = await tooltip.innerText();
    for (const want of [agentName, 'State', 'Start', 'End', 'Duration', 'Session']) if (!text.includes(want)) throw new Error(`tooltip lacks "${want}": ${text}`);
    ui.log('tooltip:', text.replace(/\s+/g, ' '));
    await ui.shot('timeline-tooltip');
  }],
  ['clicking a bar shows every detail in its own strip, none cut off', async ui => {
    const wv = ui.webview();
    if (!barPoint) throw new Error('no bar found by the hover step');
    await ui.page.mouse.click(barPoint.x, barPoint.y);
    const strip = wv.locator('#details');
    await strip.waitFor({ state: 'visible', timeout: 5_000 });
    const labels = await strip.locator('.d-label').allInnerTexts();
    for (const want of ['State', 'Start', 'End', 'Duration', 'Session']) if (!labels.includes(want)) throw new Error(`details lack "${want}": ${labels.join(', ')}`);
    const cut = await strip.evaluate(el => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('.d-title, .d-item')].filter(i => { const r = i.getBoundingClientRect(); return r.right > box.right + 0.5 || r.width < 1 || i.scrollWidth > i.clientWidth + 1; }).map(i => i.textContent);
    });
    if (cut.length) throw new Error(`details cut off: ${cut.join(' | ')}`);
    const zoomHint = await wv.locator('#zoom').evaluate(el => el.contains(document.getElementById('details')));
    if (zoomHint) throw new Error('the details share the zoom hint line');
    ui.log('details:', (await strip.innerText()).replace(/\s+/g, ' '));
    await ui.shot('timeline-details');
  }],
  ['the custom range uses the one date format and refuses a future end before sending', async (ui, env) => {
    const wv = ui.webview();
    await wv.locator('vscode-button', { hasText: 'Custom…' }).click();
    const fields = wv.locator('.custom-range vscode-textfield');
    await fields.first().waitFor({ state: 'visible', timeout: 5_000 });
    const from = await fields.nth(0).evaluate(el => el.value);
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(from)) throw new Error(`From is not YYYY-MM-DD HH:mm: "${from}"`);
    const to = fields.nth(1).locator('input');
    // two hours after the SERVER's now (the emulator runs at its own instant): only the end breaks a rule
    const serverNow = (await (await fetch(`${env.emulatorUrl}/__control/clock`)).json()).nowMs;
    const later = new Date(serverNow + 2 * 3_600_000);
    const pad = n => String(n).padStart(2, '0');
    await to.fill(`${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())} ${pad(later.getHours())}:${pad(later.getMinutes())}`);
    const error = wv.locator('.range-error');
    await ui.page.waitForTimeout(100);
    const text = await error.innerText();
    if (!/in the future/.test(text)) throw new Error(`a future end is not refused: "${text}"`);
    await wv.locator('.custom-range vscode-button', { hasText: 'Show' }).click();
    await ui.page.waitForTimeout(200);
    if (!(await wv.locator('.custom-range').isVisible())) throw new Error('the refused range was sent anyway');
    await ui.shot('timeline-custom-future');
    await wv.locator('vscode-button', { hasText: 'Custom…' }).click(); // close the row again
  }],
  ['zooming in changes the axis labels (days → hours → minutes)', async ui => {
    const c = await chart(ui);
    const before = await c.getAttribute('data-axis');
    const wv = ui.webview();
    const plus = wv.locator('#zoom vscode-button', { hasText: '+' });
    for (let i = 0; i < 4; i++) { await plus.click(); await ui.page.waitForTimeout(80); }
    // and one wheel notch over the chart
    const box = await wv.locator('canvas.plot').boundingBox();
    await ui.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await ui.page.mouse.wheel(0, -200);
    await ui.page.waitForTimeout(200);
    const after = await c.getAttribute('data-axis');
    ui.log(`axis before: ${before}\naxis after:  ${after}`);
    if (!after || after === before) throw new Error('the axis did not change on zoom');
    if (!/\d\d:\d\d/.test(after)) throw new Error(`zoomed-in axis has no clock labels: ${after}`);
    await ui.shot('timeline-zoomed');
    if (cspErrors.length) throw new Error(`CSP violations in the webview:\n${cspErrors.join('\n')}`);
  }],
  ['a whole status group (its inline action) opens one lane per agent of the group', async ui => {
    await ui.page.keyboard.press('Escape');
    const view = ui.view('Live Agents');
    const group = view.locator('.monaco-list-row[aria-level="1"]', { hasText: /^Online/ }).first();
    await group.waitFor({ state: 'visible' });
    const count = Number(((await group.locator('.label-name').innerText()).match(/\((\d+)\)/) || [])[1]);
    if (!(count > 1)) throw new Error('the Online group has no count');
    await group.hover();
    await group.locator('.action-label[aria-label^="Show Activity Timeline"]').click();
    const tab = ui.page.locator('.tabs-container .tab', { hasText: `${count} agents` }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    const wv = ui.webview();
    await wv.locator(`body[data-lanes="${count}"]`).waitFor({ state: 'attached', timeout: 60_000 });
    const c = await chart(ui);
    await ui.page.waitForFunction(() => true);
    if (!(Number(await c.getAttribute('data-frames')) > 0)) throw new Error('the canvas never drew');
    ui.log(`group timeline: ${count} lanes, ${await wv.locator('body').getAttribute('data-intervals')} intervals`);
    await ui.shot('timeline-group');
    if (cspErrors.length) throw new Error(`CSP violations in the webview:\n${cspErrors.join('\n')}`);
  }],
];

module.exports = { steps };
