// AssociateSoftwareToken's and VerifySoftwareToken's credential: an access token (a signed-in user)
// or the MFA_SETUP challenge's Session (during sign-in), not both; and the errors both report.
import { CognitoError } from '../../../errors/cognito-error.js';
import type { SetupFailure } from '../../../sign-in/mfa-setup.js';
import { optionalString } from '../../input.js';
import type { Input } from '../../operation.js';
import { invalidSession } from '../../sign-in-errors.js';

export const TOTP_DISABLED = () =>
  new CognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool');
export const MISMATCH = () => new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');

export const SETUP_ERRORS: Record<SetupFailure, () => CognitoError> = {
  'invalid-session': invalidSession,
  'totp-disabled': TOTP_DISABLED,
  'not-associated': () => new CognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.'),
  'code-mismatch': MISMATCH,
};

/** Exactly one of AccessToken and Session. */
export function credential(input: Input): { session: string } | { accessToken: true } {
  const session = optionalString(input, 'Session', 2048);
  const hasToken = input.AccessToken !== undefined && input.AccessToken !== null;
  if (session !== undefined && hasToken)
    throw new CognitoError('InvalidParameterException', 'Only one of AccessToken or Session can be provided');
  if (session !== undefined) return { session };
  if (!hasToken) throw new CognitoError('InvalidParameterException', 'Either AccessToken or Session must be provided');
  return { accessToken: true };
}
