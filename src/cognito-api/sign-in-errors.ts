// The JSON API's wire for the sign-in core's refusals (src/sign-in/): one CognitoError per outcome.
// The hosted page has its own table (src/hosted-ui/sign-in-messages.ts); where the two differ, the
// difference is a row there.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#API_InitiateAuth_Errors
import { PASSWORD_ATTEMPTS_EXCEEDED } from '../domain/lockout.js';
import { CognitoError } from '../errors/cognito-error.js';
import { SECURITY_BLOCK } from '../threat-protection/messages.js';
import type { MfaFailure } from '../sign-in/mfa-answer.js';
import type { NewPasswordFailure, SignInFailure } from '../sign-in/outcome.js';

export const incorrectPassword = () => new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
export const invalidSession = () => new CognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
const userDisabled = () => new CognitoError('NotAuthorizedException', 'User is disabled.');

const SIGN_IN_ERRORS: Record<SignInFailure, () => CognitoError> = {
  'unknown-user': () => new CognitoError('UserNotFoundException', 'User does not exist.'),
  locked: () => new CognitoError('NotAuthorizedException', PASSWORD_ATTEMPTS_EXCEEDED),
  disabled: userDisabled,
  unconfirmed: () => new CognitoError('UserNotConfirmedException', 'User is not confirmed.'),
  incorrect: incorrectPassword,
  // No final period, unlike the other messages (as Cognito sends it).
  'reset-required': () => new CognitoError('PasswordResetRequiredException', 'Password reset required for the user'),
  blocked: () => new CognitoError('NotAuthorizedException', SECURITY_BLOCK),
};

const NEW_PASSWORD_ERRORS: Record<NewPasswordFailure, () => CognitoError> = {
  'invalid-session': invalidSession,
  disabled: userDisabled,
  'user-gone': () => new CognitoError('UserNotFoundException', 'User does not exist.'),
};

export const signInError = (failure: SignInFailure): CognitoError => SIGN_IN_ERRORS[failure]();
export const newPasswordError = (failure: NewPasswordFailure): CognitoError => NEW_PASSWORD_ERRORS[failure]();

/** Wrong-code wording differs by factor, as observed: TOTP vs SMS / email. */
const MFA_ERRORS: Record<Exclude<MfaFailure, 'code-mismatch'>, () => CognitoError> = {
  'invalid-session': invalidSession,
  disabled: userDisabled,
  'code-reused': () => new CognitoError('ExpiredCodeException', 'Your software token has already been used once.'),
  'invalid-choice': () => new CognitoError('InvalidParameterException', 'Invalid MFA type selected.'),
  'setup-incomplete': () => new CognitoError('InvalidParameterException', 'Software token has not been verified for the user.'),
};

export function mfaError(failure: MfaFailure, challenge: string): CognitoError {
  if (failure !== 'code-mismatch') return MFA_ERRORS[failure]();
  return challenge === 'SOFTWARE_TOKEN_MFA'
    ? new CognitoError('CodeMismatchException', 'Invalid code received for user')
    : new CognitoError('CodeMismatchException', 'Invalid code or auth state for the user.');
}
