// AssociateSoftwareToken / VerifySoftwareToken: an authenticator app for a signed-in user (access
// token) or during sign-in (the MFA_SETUP challenge's Session, see src/sign-in/mfa-setup.ts). The
// request takes an access token or a session, not both. A verified token replaces the user's
// previous one. With an access token no Session comes back (as observed on Cognito).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
import type { AssociateSoftwareTokenResponse, VerifySoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { saveUserChanges } from '../../../domain/users.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { newTotpSecret, totpStep } from '../../../mfa/totp.js';
import { enableFactor } from '../../../sign-in/mfa-answer.js';
import { associateInSession, verifyInSession, type SetupFailure } from '../../../sign-in/mfa-setup.js';
import { invalid, optionalString } from '../../input.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { invalidSession } from '../../sign-in-errors.js';
import { userFromAccessToken } from '../users/access-token.js';

const TOTP_DISABLED = () =>
  new CognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool');
const MISMATCH = () => new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');

const SETUP_ERRORS: Record<SetupFailure, () => CognitoError> = {
  'invalid-session': invalidSession,
  'totp-disabled': TOTP_DISABLED,
  'not-associated': () => new CognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.'),
  'code-mismatch': MISMATCH,
};

/** Exactly one of AccessToken and Session. */
function credential(input: Input): { session: string } | { accessToken: true } {
  const session = optionalString(input, 'Session', 2048);
  const hasToken = input.AccessToken !== undefined && input.AccessToken !== null;
  if (session !== undefined && hasToken)
    throw new CognitoError('InvalidParameterException', 'Only one of AccessToken or Session can be provided');
  if (session !== undefined) return { session };
  if (!hasToken) throw new CognitoError('InvalidParameterException', 'Either AccessToken or Session must be provided');
  return { accessToken: true };
}

export const associateSoftwareToken: Operation<'clock' | 'keys' | 'signInChallenges' | 'store' | 'urls'> = (deps) => async (input) => {
  const by = credential(input);
  if ('session' in by) {
    const result = await associateInSession(deps, by.session);
    if (typeof result === 'string') throw SETUP_ERRORS[result]();
    return { SecretCode: result.secret, Session: result.session } satisfies Wire<AssociateSoftwareTokenResponse>;
  }
  const { user, pool } = await userFromAccessToken(deps, input);
  if (pool.SoftwareTokenMfaConfiguration?.Enabled !== true) throw TOTP_DISABLED();
  const secret = newTotpSecret();
  await saveUserChanges(deps, user, () => ({ PendingSoftwareTokenSecret: secret }));
  return { SecretCode: secret } satisfies Wire<AssociateSoftwareTokenResponse>;
};

export const verifySoftwareToken: Operation<'clock' | 'keys' | 'signInChallenges' | 'store' | 'urls' | 'usedTotpSteps'> =
  (deps) => async (input) => {
    const by = credential(input);
    const code = optionalString(input, 'UserCode', 6);
    if (code === undefined || !/^[0-9]{6}$/.test(code)) {
      throw invalid('userCode', code ?? null, 'Member must satisfy regular expression pattern: [0-9]+');
    }
    const friendlyName = optionalString(input, 'FriendlyDeviceName', 2048);
    if ('session' in by) {
      const result = await verifyInSession(deps, by.session, code, friendlyName);
      if (typeof result === 'string') throw SETUP_ERRORS[result]();
      return { Status: 'SUCCESS', Session: result.session } satisfies Wire<VerifySoftwareTokenResponse>;
    }
    const { user, pool } = await userFromAccessToken(deps, input);
    const secret = user.PendingSoftwareTokenSecret;
    if (secret === undefined) throw SETUP_ERRORS['not-associated']();
    const step = totpStep(secret, code, deps.clock.now());
    if (step === undefined) throw MISMATCH();
    deps.usedTotpSteps.claim(user.UserPoolId, user.Username, step);
    await saveUserChanges(deps, user, (current) => ({
      SoftwareToken: { Secret: secret, ...(friendlyName !== undefined ? { FriendlyDeviceName: friendlyName } : {}) },
      PendingSoftwareTokenSecret: undefined,
      // In a pool that requires MFA the verified app is the user's factor at once (otherwise the
      // next sign-in would ask to set up MFA again); elsewhere SetUserMFAPreference turns it on.
      ...(pool.MfaConfiguration === 'ON' ? enableFactor(current, 'SOFTWARE_TOKEN_MFA') : {}),
    }));
    return { Status: 'SUCCESS' } satisfies Wire<VerifySoftwareTokenResponse>;
  };
