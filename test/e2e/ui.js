// Helpers for driving the real VS Code workbench (code-server) in Chromium with playwright-core.
// Selectors are VS Code 1.100's; each helper waits for what it needs instead of sleeping.
'use strict';
const fs = require('fs');
const path = require('path');

function createUi(page, shotsDir) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const T0 = Date.now();
  let n = 0;
  const log = (...a) => console.log(`[e2e ${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
  const quickInput = page.locator('.quick-input-widget');
  const input = quickInput.locator('.quick-input-box input');

  /** What identifies the quick input's current step: visibility, title, step count, message. */
  const widgetState = () => page.evaluate(() => {
    const w = document.querySelector('.quick-input-widget');
    if (!w || getComputedStyle(w).display === 'none') return 'hidden';
    const t = sel => (w.querySelector(sel)?.textContent || '').trim();
    return [t('.quick-input-title'), t('.quick-input-message'), w.querySelector('.quick-input-box input')?.getAttribute('placeholder') || ''].join('|');
  });
  const movedOn = async before => {
    const end = Date.now() + 5000;
    while (Date.now() < end) {
      if ((await widgetState()) !== before) return;
      await page.waitForTimeout(50);
    }
  };

  const ui = {
    page,
    log,
    shotsDir,
    /** Screenshot into the shots folder (numbered); look at them. */
    async shot(name) {
      const p = path.join(shotsDir, `${String(++n).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: p });
      log('screenshot', path.relative(process.cwd(), p));
      return p;
    },
    /** F1, type the command title, Enter. */
    async runCommand(title) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await input.fill('>' + title);
      await quickInput.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
    },
    /**
     * Waits for an input box whose title/prompt contains `expect` (optional), types `text`, Enter,
     * then waits (up to 5 s) until the widget moves on — the next step, a validation message, or
     * closed. The widget reuses one <input> for every step, so without that wait the next answer
     * could be typed into this step while the next one is still being drawn.
     */
    async answerInput(text, expect) {
      await input.waitFor({ state: 'visible' });
      if (expect) await quickInput.filter({ hasText: expect }).waitFor({ state: 'visible' });
      const before = await widgetState();
      await input.fill(text);
      await page.waitForTimeout(150); // let validateInput run
      await page.keyboard.press('Enter');
      await movedOn(before);
    },
    /** Picks the quick-pick row containing `label`, then waits for the widget to move on. */
    async pick(label) {
      await input.waitFor({ state: 'visible' });
      const row = quickInput.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
      await row.waitFor({ state: 'visible' });
      const before = await widgetState();
      await row.click();
      await movedOn(before);
    },
    async quickInputHidden() {
      await quickInput.waitFor({ state: 'hidden' });
    },
    /** Text of the current validation message of the quick input, if any. */
    async validationMessage() {
      const m = quickInput.locator('.quick-input-message');
      return (await m.count()) ? (await m.innerText()).trim() : '';
    },
    /** Opens the LivePerson activity-bar container (a click toggles: poll until its panes show). */
    async openContainer() {
      const icon = page.locator('.part.activitybar [aria-label^="LivePerson"]').first();
      await icon.waitFor({ state: 'visible', timeout: 90_000 });
      const container = page.locator('[id="workbench.view.extension.liveperson"]');
      for (let i = 0; i < 8; i++) {
        if (await container.isVisible().catch(() => false)) return container;
        await icon.click();
        await page.waitForTimeout(i === 0 ? 500 : 1500);
      }
      await container.waitFor({ state: 'visible' });
      return container;
    },
    /** The pane (view) of the LivePerson container titled `name` ("Status Reasons" / "Live Agents"). */
    view(name) {
      return page.locator('[id="workbench.view.extension.liveperson"] .pane', { has: page.locator('.pane-header', { hasText: name }) });
    },
    /** Expands a collapsed pane. */
    async expandView(name) {
      const header = ui.view(name).locator('.pane-header');
      if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    },
    async treeLabels(view) {
      return (await view.locator('.monaco-list-row .label-name').allInnerTexts()).map(s => s.trim());
    },
    async treeRow(view, text) {
      const row = view.locator('.monaco-list-row', { hasText: text }).first();
      await row.waitFor({ state: 'visible' });
      return row;
    },
    /** Waits for a notification toast containing `text`; returns its text. */
    async notification(text, timeout = 30_000) {
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
      await toast.waitFor({ state: 'visible', timeout });
      return (await toast.innerText()).trim();
    },
    async clearNotifications() {
      await page.keyboard.press('Escape');
      const clear = page.locator('.notifications-toasts .codicon-notifications-clear, .notifications-toasts .codicon-close');
      for (const b of await clear.all()) await b.click().catch(() => {});
    },
    /** Clicks a button of the modal dialog (`.monaco-dialog-box`). */
    async dialogButton(label) {
      const box = page.locator('.monaco-dialog-box');
      await box.waitFor({ state: 'visible' });
      await box.locator('.monaco-button', { hasText: label }).first().click();
      await box.waitFor({ state: 'hidden' });
    },
    /** The active webview's inner document (iframe.webview.ready → #active-frame). */
    webview() {
      return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    },
  };
  return ui;
}

module.exports = { createUi };
