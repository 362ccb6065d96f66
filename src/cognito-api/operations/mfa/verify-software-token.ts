// VerifySoftwareToken: a code from the authenticator app that AssociateSoftwareToken set up, for a
// signed-in user (access token) or during sign-in (the MFA_SETUP challenge's Session). A verified
// token replaces the user's previous one.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
import type { VerifySoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { saveUserChanges } from '../../../domain/users.js';
import { totpStep } from '../../../mfa/totp.js';
import { enableFactor } from '../../../sign-in/mfa-answer.js';
import { verifyInSession } from '../../../sign-in/mfa-setup.js';
import { invalid, optionalString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { credential, MISMATCH, SETUP_ERRORS } from './software-token-input.js';

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
