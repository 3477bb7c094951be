// Signing in, shared by the signIn and openDemo commands and the authentication provider: check the
// credentials against the server (CSDS + a cheap authenticated call) BEFORE anything is saved, then
// keep the secrets in SecretStorage, the metadata in globalState, and make the account active.
import * as vscode from 'vscode';
import type { Credentials, LivePersonClient } from '../api/types';
import { registerSecret } from '../api/redact';
import type { FeatureContext } from '../platform/featureContext';
import { recordFor, secretValues, type AccountRecord } from './accountRecord';
import type { AccountManager, ClientFactory } from './accountManager';
import { runSignInFlow, type SignInPrefill } from './signInFlow';

export interface AccountsDeps {
  ctx: Omit<FeatureContext, 'session'>;
  manager: AccountManager;
  createClient: ClientFactory;
}

/** What signIn / openDemo return to their caller. */
export interface SignedIn {
  accountId: string;
  label: string;
  method: Credentials['kind'];
}

export interface CredentialsSignIn {
  accountId: string;
  credentials: Credentials;
  csdsUrl: string;
  isDemo?: boolean;
  /** check with a status-bar progress instead of a notification (the demo account restored after a reload) */
  quiet?: boolean;
}

/** Non-interactive: throws the check's LivePersonError (the command wrapper shows it). */
export async function signInWithCredentials(deps: AccountsDeps, request: CredentialsSignIn): Promise<SignedIn> {
  const client = await checkCredentials(deps, request.accountId, request.credentials, request.csdsUrl, request.quiet);
  return save(deps, recordFor(request.accountId, request.credentials, request.csdsUrl, request.isDemo ?? false), request.credentials, client);
}

/** Interactive: the multi-step input; undefined when the user cancels. */
export async function signInInteractively(deps: AccountsDeps, prefill: SignInPrefill = {}): Promise<SignedIn | undefined> {
  const csdsUrl = deps.ctx.settings.get('csdsUrl');
  const result = await runSignInFlow(
    deps.ctx.prompter,
    (accountId, credentials) => checkCredentials(deps, accountId, credentials, csdsUrl),
    prefill,
    (message, detail) => deps.ctx.log.warn(`Sign-in check failed: ${message} Server said: ${detail}`),
  );
  if (!result) return undefined;
  return save(deps, recordFor(result.accountId, result.credentials, csdsUrl), result.credentials, result.checked);
}

/** Prefill for "sign in again" from the active account, or the account named. */
export function prefillFor(deps: AccountsDeps, accountId?: string): SignInPrefill {
  const record: AccountRecord | undefined = accountId ? deps.manager.resolve(accountId) : deps.manager.activeRecord;
  if (!record || record.isDemo) return accountId ? { accountId } : {};
  return { accountId: record.accountId, method: record.method, username: record.username };
}

async function checkCredentials(deps: AccountsDeps, accountId: string, credentials: Credentials, csdsUrl: string, quiet = false): Promise<LivePersonClient> {
  secretValues(credentials).forEach(registerSecret);
  deps.ctx.log.info(`Checking credentials (${credentials.kind}) for account ${accountId} via ${csdsUrl}…`);
  const client = deps.createClient({ accountId, csdsUrl, credentials });
  try {
    await vscode.window.withProgress(
      quiet
        ? { location: vscode.ProgressLocation.Window, title: `LivePerson: signing in to ${accountId}…` }
        : { location: vscode.ProgressLocation.Notification, title: `Checking the credentials for ${accountId}…`, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          await client.verify({ signal: abort.signal });
        } finally {
          sub.dispose();
        }
      },
    );
    return client;
  } catch (error) {
    await client.dispose().catch(() => undefined);
    throw error;
  }
}

async function save(deps: AccountsDeps, record: AccountRecord, credentials: Credentials, client: LivePersonClient): Promise<SignedIn> {
  await deps.manager.addVerified(record, credentials, client);
  return { accountId: record.accountId, label: record.label, method: record.method };
}
