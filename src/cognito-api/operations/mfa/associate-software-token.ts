// AssociateSoftwareToken: a new authenticator app (TOTP) secret for a signed-in user (access token)
// or during sign-in (the MFA_SETUP challenge's Session, see src/sign-in/mfa-setup.ts); the request
// takes an access token or a session, not both (software-token-input.ts). With an access token no
// Session comes back (as observed on Cognito). VerifySoftwareToken then confirms the app.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
import type { AssociateSoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { saveUserChanges } from '../../../domain/users.js';
import { newTotpSecret } from '../../../mfa/totp.js';
import { associateInSession } from '../../../sign-in/mfa-setup.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { credential, SETUP_ERRORS, TOTP_DISABLED } from './software-token-input.js';

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
