// What is remembered about an account outside SecretStorage (globalState), and the pure rules
// around it: account-id validation, labels, the credential fields of each sign-in method.
// Free of `vscode` so it is unit-tested in plain Node.
import type { Credentials } from '../api/types';

export type SignInMethod = Credentials['kind'];

/** Non-secret metadata. Never holds a password, key, token or secret. */
export interface AccountRecord {
  /** Unique among the accounts: the account id, or `demo:<account id>` for the demo account. */
  key: string;
  accountId: string;
  label: string;
  method: SignInMethod;
  csdsUrl: string;
  isDemo: boolean;
  /** the user name of a `login` account (not a secret) */
  username?: string;
}

export const ACCOUNT_ID_PATTERN = /^[a-zA-Z0-9_]{1,20}$/;

export function accountIdProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Enter the account id (site id), e.g. 12345678.';
  if (!ACCOUNT_ID_PATTERN.test(v)) return 'An account id has 1 to 20 letters, digits or underscores.';
  return undefined;
}

export interface CredentialField {
  key: string;
  title: string;
  prompt: string;
  /** typed with `password: true`, never echoed */
  secret: boolean;
}

export const METHODS: readonly { method: SignInMethod; label: string; detail: string }[] = [
  { method: 'login', label: 'Username and password', detail: 'An agent or admin user of the account (Login Service).' },
  { method: 'oauth1', label: 'API key (OAuth 1.0a)', detail: 'App key, secret, access token and access token secret from the account’s API key settings.' },
  { method: 'oauth2', label: 'OAuth 2.0 client credentials', detail: 'Client id and client secret of an OAuth 2.0 application installed on the account; the extension fetches and renews its token.' },
  { method: 'bearer', label: 'Bearer token', detail: 'An existing bearer token (OAuth 2.0 or a login session).' },
];

export const FIELDS: Readonly<Record<SignInMethod, readonly CredentialField[]>> = {
  login: [
    { key: 'username', title: 'User name', prompt: 'The LivePerson user name (login name)', secret: false },
    { key: 'password', title: 'Password', prompt: 'The user’s password', secret: true },
  ],
  oauth1: [
    { key: 'appKey', title: 'App key', prompt: 'The API key’s app key (consumer key)', secret: false },
    { key: 'secret', title: 'Secret', prompt: 'The API key’s secret (consumer secret)', secret: true },
    { key: 'accessToken', title: 'Access token', prompt: 'The API key’s access token', secret: false },
    { key: 'accessTokenSecret', title: 'Access token secret', prompt: 'The API key’s access token secret', secret: true },
  ],
  oauth2: [
    { key: 'clientId', title: 'Client id', prompt: 'The OAuth 2.0 application’s client id', secret: false },
    { key: 'clientSecret', title: 'Client secret', prompt: 'The OAuth 2.0 application’s client secret', secret: true },
  ],
  bearer: [{ key: 'token', title: 'Bearer token', prompt: 'The bearer token (without the word “Bearer”)', secret: true }],
};

export function isSignInMethod(x: unknown): x is SignInMethod {
  return x === 'login' || x === 'oauth1' || x === 'oauth2' || x === 'bearer';
}

/** Builds credentials from typed field values; throws a plain Error naming the first missing field. */
export function credentialsFrom(method: SignInMethod, values: Readonly<Record<string, string | undefined>>): Credentials {
  const missing = FIELDS[method].find(f => !values[f.key]);
  if (missing) throw new Error(`${missing.title} is missing.`);
  const v = (k: string) => values[k] as string;
  switch (method) {
    case 'login':
      return { kind: 'login', username: v('username').trim(), password: v('password') };
    case 'oauth1':
      return { kind: 'oauth1', appKey: v('appKey').trim(), secret: v('secret').trim(), accessToken: v('accessToken').trim(), accessTokenSecret: v('accessTokenSecret').trim() };
    case 'oauth2':
      return { kind: 'oauth2', clientId: v('clientId').trim(), clientSecret: v('clientSecret').trim() };
    case 'bearer':
      return { kind: 'bearer', token: v('token').trim().replace(/^bearer\s+/i, '') };
  }
}

/** A problem with credentials passed as a command argument or read back from storage, if any. */
export function credentialsProblem(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return 'credentials must be an object';
  const c = x as Record<string, unknown>;
  if (!isSignInMethod(c.kind)) return 'credentials.kind must be "login", "oauth1", "oauth2" or "bearer"';
  for (const f of FIELDS[c.kind]) if (typeof c[f.key] !== 'string' || !c[f.key]) return `credentials.${f.key} must be a non-empty string`;
  return undefined;
}

/** Every secret value of the credentials (to register with redact()). */
export function secretValues(c: Credentials): string[] {
  switch (c.kind) {
    case 'login':
      return [c.password];
    case 'oauth1':
      return [c.appKey, c.secret, c.accessToken, c.accessTokenSecret];
    case 'oauth2':
      return [c.clientId, c.clientSecret];
    case 'bearer':
      return [c.token];
  }
}

export function accountLabel(accountId: string, c: Credentials, isDemo = false): string {
  if (isDemo) return `${accountId} (demo)`;
  switch (c.kind) {
    case 'login':
      return `${accountId} (${c.username})`;
    case 'oauth1':
      return `${accountId} (API key)`;
    case 'oauth2':
      return `${accountId} (OAuth 2.0 client)`;
    case 'bearer':
      return `${accountId} (bearer token)`;
  }
}

export function recordFor(accountId: string, c: Credentials, csdsUrl: string, isDemo = false): AccountRecord {
  const record: AccountRecord = { key: isDemo ? `demo:${accountId}` : accountId, accountId, label: accountLabel(accountId, c, isDemo), method: c.kind, csdsUrl, isDemo };
  if (c.kind === 'login') record.username = c.username;
  return record;
}

export function isAccountRecord(x: unknown): x is AccountRecord {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.key === 'string' && typeof r.accountId === 'string' && typeof r.label === 'string' && isSignInMethod(r.method) && typeof r.csdsUrl === 'string' && typeof r.isDemo === 'boolean';
}
