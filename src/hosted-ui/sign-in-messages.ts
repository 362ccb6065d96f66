// The hosted pages' wire for the sign-in core's refusals (src/sign-in/): the text shown in
// #loginErrorMessage. The JSON API's table is src/cognito-api/sign-in-errors.ts; rows that differ
// from it say why. (A refused new-password answer has no message: every such refusal sends the
// user back to sign in again, see new-password.ts.)
import { PASSWORD_ATTEMPTS_EXCEEDED } from '../domain/lockout.js';
import type { SignInFailure } from '../sign-in/outcome.js';
import { SECURITY_BLOCK } from '../threat-protection/messages.js';

export const INCORRECT = 'Incorrect username or password.';

export const SIGN_IN_MESSAGES: Record<SignInFailure, string> = {
  // Only for PreventUserExistenceErrors LEGACY clients; ENABLED ones get `incorrect` from the core.
  'unknown-user': 'User does not exist.',
  locked: PASSWORD_ATTEMPTS_EXCEEDED,
  disabled: 'User is disabled.',
  // Shown as an error; the page does not move on to /confirm (what users of the classic UI report).
  unconfirmed: 'User is not confirmed.',
  incorrect: INCORRECT,
  // The API's text ends without a period; on the page it is a sentence like the others.
  'reset-required': 'Password reset required for the user.',
  blocked: SECURITY_BLOCK,
};

/** A username longer than Cognito's limit is refused by request validation, before any lookup. */
export const USERNAME_TOO_LONG =
  "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128";
