// The users' main path, end to end, in a real browser against a real VS Code (code-server) with
// the packaged .vsix installed and the emulator running as a separate process:
// signed-out welcome → sign in through the real input boxes → both views populate → each
// feature's steps (test/e2e/steps/*.js). Every step is one test: `e2e: N passed, N failed`.
'use strict';
const fs = require('fs');
const path = require('path');

const STEP_ORDER = ['statusReasons', 'agents', 'timeline', 'accounts'];

async function signInSteps(ui, env) {
  return [
    ['the LivePerson container shows the signed-out welcome with Sign In and Try the Demo Account', async () => {
      await ui.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 90_000 });
      const container = await ui.openContainer();
      const welcome = container.locator('.welcome-view-content').first();
      await welcome.waitFor({ state: 'visible', timeout: 30_000 });
      await container.locator('.monaco-button', { hasText: 'Sign In' }).first().waitFor();
      await container.locator('.monaco-button', { hasText: 'Try the Demo Account' }).first().waitFor();
      await ui.shot('signed-out-welcome');
    }],
    ['sign in with an API key through the real input boxes', async () => {
      await ui.runCommand('LivePerson: Sign In');
      await ui.answerInput(env.accountId, 'ccount');
      await ui.pick('API key');
      await ui.answerInput(env.appKey);
      await ui.answerInput(env.appSecret);
      await ui.answerInput(env.accessToken);
      await ui.shot('sign-in-secret-input');
      await ui.answerInput(env.accessTokenSecret);
      await ui.quickInputHidden();
    }],
    ['both views populate from the emulator', async () => {
      const reasons = ui.view('Status Reasons');
      await reasons.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
      await ui.expandView('Live Agents');
      const agents = ui.view('Live Agents');
      await agents.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
      const r = await ui.treeLabels(reasons);
      const a = await ui.treeLabels(agents);
      ui.log('status reasons rows:', r.slice(0, 8), '… live agents rows:', a.slice(0, 8));
      if (!r.some(l => /^Away/.test(l))) throw new Error(`no "Away" group in Status Reasons: ${r.join(' | ')}`);
      if (a.length === 0) throw new Error('Live Agents is empty');
      await ui.shot('views-populated');
    }],
  ];
}

async function runScenario(ui, env) {
  const steps = await signInSteps(ui, env);
  // E2E_STEPS=agents,timeline runs only those features' steps (after signing in) — for a quick look
  const only = (process.env.E2E_STEPS || '').split(',').map(s => s.trim()).filter(Boolean);
  for (const name of STEP_ORDER.filter(n => !only.length || only.includes(n))) {
    const file = path.join(__dirname, 'steps', `${name}.js`);
    if (fs.existsSync(file)) {
      const mod = require(file);
      if (Array.isArray(mod.steps)) for (const s of mod.steps) steps.push([`${name}: ${s[0]}`, () => s[1](ui, env)]);
      else steps.push([`${name} steps`, () => mod.run(ui, env)]);
    }
  }
  const results = [];
  let broken = false;
  for (const [title, fn] of steps) {
    if (broken) { results.push({ title, state: 'failed', error: 'not run: the sign-in path failed' }); continue; }
    const t0 = Date.now();
    try {
      await fn();
      results.push({ title, state: 'passed', ms: Date.now() - t0 });
      ui.log(`✔ ${title}`);
    } catch (e) {
      results.push({ title, state: 'failed', error: String(e && e.stack || e) });
      ui.log(`✘ ${title}\n${String(e && e.message || e).slice(0, 1500)}`);
      await ui.shot(`FAILED-${title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => {});
      await ui.page.keyboard.press('Escape').catch(() => {});
      if (results.length <= 3) broken = true; // without sign-in nothing else can work
    }
  }
  return results;
}

module.exports = { runScenario };
