// Accounts in a real browser: sign in to the same account with OAuth 2.0 client credentials through
// the real input boxes (the secret in a password box); the Status Reasons view then loads through
// the token the extension got from the account's sentinel service. Runs last: LivePerson documents
// Live Agents (Agent Metrics) as API-key only, which the earlier steps use.
'use strict';

const steps = [
  ['sign in with OAuth 2.0 client credentials through the real input boxes; Status Reasons loads through the token', async (ui, env) => {
    await ui.runCommand('LivePerson: Sign In');
    await ui.answerInput(env.accountId, 'ccount');
    await ui.pick('OAuth 2.0 client credentials');
    await ui.answerInput(env.clientId);
    const secretBox = ui.page.locator('.quick-input-widget .quick-input-box input');
    await secretBox.waitFor({ state: 'visible' });
    if ((await secretBox.getAttribute('type')) !== 'password') throw new Error('the client secret must be typed into a password box');
    await ui.shot('sign-in-oauth2-secret');
    await ui.answerInput(env.clientSecret);
    await ui.quickInputHidden();
    const view = ui.view('Status Reasons');
    await view.locator('.pane-header', { hasText: 'OAuth 2.0 client' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await view.locator('.monaco-list-row .label-name', { hasText: 'Lunch break' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await ui.shot('signed-in-oauth2');
  }],
];

module.exports = { steps };
