// Why a sign-in check failed, in words a user can act on, and which step of the sign-in input to
// re-open (with everything typed kept). Pure; unit-tested in plain Node.
import { isCancellation, LivePersonError } from '../api/errors';
import { redact } from '../api/redact';
import { FIELDS, type SignInMethod } from './accountRecord';

/** 0 = account id, 1 = method, 2.. = the method's fields in order */
export interface SignInFailure {
  step: number;
  message: string;
  cancelled: boolean;
}

const WHAT: Record<SignInMethod, string> = {
  login: 'the user name or password is wrong',
  oauth1: 'the API key values are wrong or the key is disabled',
  bearer: 'the bearer token is wrong or has expired',
};

export function describeSignInFailure(error: unknown, method: SignInMethod, accountId: string): SignInFailure {
  const fields = FIELDS[method];
  const firstField = 2;
  const firstSecret = 2 + Math.max(0, fields.findIndex(f => f.secret));
  const last = 1 + fields.length;
  if (isCancellation(error)) return { step: last, message: 'Check cancelled.', cancelled: true };
  if (!(error instanceof LivePersonError)) {
    const text = error instanceof Error ? error.message : String(error);
    return { step: last, message: `Could not check the credentials: ${redact(text)}`, cancelled: false };
  }
  const detail = redact(error.message);
  switch (error.kind) {
    case 'auth':
      return { step: firstSecret, message: `Bad credentials: ${WHAT[method]} (${detail})`, cancelled: false };
    case 'permission':
      return { step: firstField, message: `Missing permission: these credentials work but lack a permission this extension needs (${detail})`, cancelled: false };
    case 'notFound':
      return { step: 0, message: `Unknown account: ${accountId} was not found — check the account id and the liveperson.csdsUrl setting (${detail})`, cancelled: false };
    case 'network':
    case 'timeout':
      return { step: last, message: `Network problem: could not reach LivePerson (${detail}). Press Enter to try again.`, cancelled: false };
    case 'rateLimit':
    case 'server':
    case 'badResponse':
      return { step: last, message: `LivePerson did not answer properly (${detail}). Press Enter to try again.`, cancelled: false };
    default:
      return { step: last, message: `Sign-in failed: ${detail}`, cancelled: false };
  }
}
