// Status Reasons in a real browser: create a reason through the real input boxes (palette →
// text → state → enabled), with the live duplicate check on the way; a look-alike text warned
// about in the input and created anyway; see it in the tree; rename it
// with the row's inline action; delete it with the inline action and the modal dialog. A screenshot
// at each step (test-results/e2e/).
'use strict';

const CREATED = 'E2E Focus 🎯 **bold**';
const RENAMED = 'E2E Renamed 🎯';
const LOOKALIKE = 'COFFEE  Break'; // “Coffee break” in other case and spacing

function reasonsView(ui) {
  return ui.view('Status Reasons');
}

async function waitForRow(ui, label, present = true) {
  const view = reasonsView(ui);
  const row = view.locator('.monaco-list-row .label-name', { hasText: label });
  if (present) await row.first().waitFor({ state: 'visible', timeout: 30_000 });
  else await row.first().waitFor({ state: 'detached', timeout: 30_000 });
}

/** Hovers the row and clicks its inline action (rename / delete …) by its title. */
async function inlineAction(ui, label, actionTitle) {
  const row = await ui.treeRow(reasonsView(ui), label);
  await row.hover();
  const action = row.locator(`.actions .action-label[aria-label^="${actionTitle}"]`).first();
  await action.waitFor({ state: 'visible' });
  await action.click();
}

const steps = [
  ['create a reason through the real input boxes, with the live duplicate check', async ui => {
    await ui.runCommand('LivePerson: Create Status Reason…');
    const input = ui.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill('Lunch break');
    await ui.page.locator('.quick-input-widget .quick-input-message', { hasText: 'already exists' }).waitFor({ state: 'visible' });
    const message = await ui.validationMessage();
    if (!/already exists: “Lunch break”/.test(message)) throw new Error(`expected the duplicate message, got: ${message}`);
    await ui.shot('status-reasons-create-duplicate-refused');
    await ui.answerInput(CREATED);
    await ui.pick('Away');
    await ui.shot('status-reasons-create-state');
    await ui.pick('Enabled');
    await ui.quickInputHidden();
    await waitForRow(ui, CREATED);
    await ui.shot('status-reasons-created');
  }],
  ['a look-alike text gets a warning in the input (naming the reason it looks like), and can still be created', async ui => {
    await ui.runCommand('LivePerson: Create Status Reason…');
    const input = ui.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(LOOKALIKE);
    await ui.page.locator('.quick-input-widget .quick-input-message', { hasText: 'Looks like' }).waitFor({ state: 'visible' });
    const message = await ui.validationMessage();
    if (!/Looks like the existing reason “Coffee break”.*differs only in case and spacing/.test(message)) throw new Error(`expected the look-alike warning, got: ${message}`);
    await ui.shot('status-reasons-create-lookalike-warning');
    await ui.answerInput(LOOKALIKE);
    await ui.pick('Away');
    await ui.pick('Enabled');
    await ui.quickInputHidden();
    await waitForRow(ui, 'COFFEE Break'); // text matching collapses the double space, as the tree shows it
  }],
  ['rename it with the inline action', async ui => {
    await inlineAction(ui, CREATED, 'Rename Status Reason');
    const input = ui.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    const current = await input.inputValue();
    if (current !== CREATED) throw new Error(`the rename input should start with the current text, got: ${current}`);
    await ui.answerInput(RENAMED);
    await ui.quickInputHidden();
    await waitForRow(ui, RENAMED);
    await waitForRow(ui, CREATED, false);
    await ui.shot('status-reasons-renamed');
  }],
  ['delete it: the modal dialog names it, Delete soft-deletes it', async ui => {
    await inlineAction(ui, RENAMED, 'Delete Status Reason');
    const box = ui.page.locator('.monaco-dialog-box');
    await box.waitFor({ state: 'visible' });
    const text = await box.innerText();
    if (!text.includes(`Delete the status reason “${RENAMED}”?`)) throw new Error(`the dialog should name the reason: ${text}`);
    if (!/live agents? (is|are) in this reason right now|No live agent is in this reason/.test(text)) throw new Error(`the dialog should say how many agents are in it: ${text}`);
    await ui.shot('status-reasons-delete-dialog');
    await ui.dialogButton('Delete');
    await waitForRow(ui, RENAMED, false);
    await ui.shot('status-reasons-deleted');
  }],
  ['the title menu says what it will do: Show Deleted Status Reasons, then Hide; groups count deleted ones apart; Occupied says how agents see it', async ui => {
    const view = reasonsView(ui);
    const header = view.locator('.pane-header');
    const titleMenu = async title => {
      await header.hover();
      await header.locator('.action-label[aria-label^="More Actions"]').first().click();
      const item = ui.page.locator('.monaco-menu .action-item', { hasText: title }).first();
      await item.waitFor({ state: 'visible' });
      await ui.shot(`status-reasons-menu-${title.split(' ')[0].toLowerCase()}`);
      await item.click();
    };
    await titleMenu('Show Deleted Status Reasons');
    await waitForRow(ui, RENAMED); // the reason deleted in the step before is shown again, marked
    const away = view.locator('.monaco-list-row', { has: ui.page.locator('.label-name', { hasText: /^Away$/ }) }).first();
    const awayCount = (await away.locator('.label-description').innerText()).trim();
    if (!/^\d+ \(\+\d+ deleted\)$/.test(awayCount)) throw new Error(`the Away group should count deleted reasons apart, got: ${awayCount}`);
    const occupied = view.locator('.monaco-list-row', { has: ui.page.locator('.label-name', { hasText: /^Occupied$/ }) }).first();
    const occupiedText = (await occupied.locator('.label-description').innerText()).trim();
    if (!/shown as Back soon$/.test(occupiedText)) throw new Error(`the Occupied group should say how agents see it, got: ${occupiedText}`);
    await ui.shot('status-reasons-deleted-shown');
    await titleMenu('Hide Deleted Status Reasons');
    await waitForRow(ui, RENAMED, false);
  }],
  ['the Reason Usage Report: a real table of reasons, sortable from its headers, and a heatmap; no CSP violation', async ui => {
    const csp = [];
    const onConsole = m => { if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) csp.push(m.text()); };
    ui.page.on('console', onConsole);
    await ui.runCommand('LivePerson: Show Reason Usage Report');
    const wv = ui.webview();
    const rows = wv.locator('table#reasons tbody tr');
    await rows.first().waitFor({ state: 'visible', timeout: 90_000 });
    const count = await rows.count();
    if (count < 5) throw new Error(`expected a row per reason, got ${count}`);
    const headers = (await wv.locator('table#reasons thead th button').allInnerTexts()).map(t => t.replace(/[▲▼]/g, '').trim());
    for (const h of ['Reason', 'Uses', 'Total time', 'Share of Away', 'Agents', 'Median', '90th percentile', 'Last used']) if (!headers.includes(h)) throw new Error(`no “${h}” column header: ${headers.join(', ')}`);
    const sorted = await wv.locator('table#reasons thead th[aria-sort]').getAttribute('data-column');
    if (sorted !== 'totalMs') throw new Error(`sorted by total time at first, got ${sorted}`);
    const firstRow = (await rows.first().locator('th, td').allInnerTexts()).map(t => t.trim());
    ui.log('first row', firstRow.join(' | '));
    if (!(Number(firstRow[2].replace(/,/g, '')) > 0)) throw new Error(`the most used reason has uses: ${firstRow.join(' | ')}`);
    // sort by uses from the keyboard: focus the header button, Enter
    const usesButton = wv.locator('table#reasons thead th[data-column="uses"] button');
    await usesButton.focus();
    await ui.page.keyboard.press('Enter');
    await wv.locator('table#reasons thead th[data-column="uses"][aria-sort="descending"]').waitFor({ state: 'attached', timeout: 10_000 });
    const uses = (await wv.locator('table#reasons tbody tr td:nth-child(3)').allInnerTexts()).map(t => Number(t.replace(/,/g, '')));
    for (let i = 1; i < uses.length; i++) if (uses[i] > uses[i - 1]) throw new Error(`not descending by uses: ${uses.join(', ')}`);
    const cells = await wv.locator('table#heatmap tbody td').count();
    if (cells !== 7 * 24) throw new Error(`the heatmap should have 7 × 24 cells, got ${cells}`);
    const labelled = await wv.locator('table#heatmap tbody td[aria-label]').count();
    if (labelled !== cells) throw new Error('every heatmap cell says its value');
    await ui.shot('status-reasons-usage-report');
    ui.page.off('console', onConsole);
    if (csp.length) throw new Error(`CSP violations in the report:\n${csp.join('\n')}`);
  }],
];

async function run(ui, env) {
  for (const [, fn] of steps) await fn(ui, env);
}

module.exports = { steps, run };
