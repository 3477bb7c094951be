// Why a sign-in check failed, as ONE sentence a user can act on plus the next action, and which
// step of the sign-in input to re-open (with everything typed kept). The server's own wording (which
// may itself wrap earlier errors) goes to the log only, as `detail`. Pure; unit-tested in plain Node.
import { isCancellation, LivePersonError } from '../api/errors';
import { redact } from '../api/redact';
import { FIELDS, type SignInMethod } from './accountRecord';

/** 0 = account id, 1 = method, 2.. = the method's fields in order */
export interface SignInFailure {
  step: number;
  /** shown under the input box: what went wrong and what to do next */
  message: string;
  /** the underlying error text, redacted, for the log (never shown in the input box) */
  detail: string;
  cancelled: boolean;
}

const REFUSED: Record<SignInMethod, string> = {
  login: 'Wrong user name or password. Correct the password (Back to change the user name) and press Enter.',
  oauth1: 'LivePerson refused the API key: one of its four values is wrong or the key is disabled. Correct the secret (Back for the other values) and press Enter.',
  oauth2: 'LivePerson refused the OAuth 2.0 client credentials: the client id or client secret is wrong, or the application was removed. Correct the secret (Back for the client id) and press Enter.',
  bearer: 'LivePerson refused the bearer token: it is wrong or has expired. Paste a current token and press Enter.',
};

export function describeSignInFailure(error: unknown, method: SignInMethod, accountId: string): SignInFailure {
  const fields = FIELDS[method];
  const firstField = 2;
  const firstSecret = 2 + Math.max(0, fields.findIndex(f => f.secret));
  const last = 1 + fields.length;
  const detail = redact(error instanceof Error ? error.message : String(error));
  const fail = (step: number, message: string): SignInFailure => ({ step, message, detail, cancelled: false });
  if (isCancellation(error)) return { step: last, message: 'Check cancelled.', detail, cancelled: true };
  if (!(error instanceof LivePersonError)) return fail(last, 'The credentials could not be checked. Press Enter to try again (details in the LivePerson log).');
  switch (error.kind) {
    case 'auth':
      return fail(firstSecret, REFUSED[method]);
    case 'permission':
      return fail(firstField, 'These credentials work but lack a permission this extension needs (reading status reasons). Ask an admin for it, or sign in as another user.');
    case 'notFound':
      return fail(0, `LivePerson does not know account ${accountId}. Check the account id (and the liveperson.csdsUrl setting) and press Enter.`);
    case 'network':
    case 'timeout':
      return fail(last, 'Could not reach LivePerson. Check the network (or the liveperson.csdsUrl setting) and press Enter to try again.');
    case 'rateLimit':
    case 'server':
    case 'badResponse':
      return fail(last, 'LivePerson did not answer properly. Press Enter to try again (details in the LivePerson log).');
    default:
      return fail(last, 'Sign-in failed. Press Enter to try again (details in the LivePerson log).');
  }
}
