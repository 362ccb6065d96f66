// ChangePassword: the signed-in user proves the current password and sets a new one meeting the
// policy. Tokens stay valid (Cognito does not sign the user out).
import type { ChangePasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { recordAuthEvent } from '../../../threat-protection/auth-events.js';
import { screenNewPassword } from '../../../threat-protection/new-password.js';
import { userFromAccessToken } from './access-token.js';
import { checkPasswordPolicy, saveNewPassword } from '../../../users/user-records.js';

export const changePassword: Operation<'clock' | 'credentials' | 'keys' | 'store' | 'urls'> = (deps) => async (input, ctx) => {
  const { user, pool, client } = await userFromAccessToken(deps, input);
  // Optional in the API only for passwordless users, which the emulator does not have.
  const previous = requiredString(input, 'PreviousPassword', 256);
  const proposed = requiredString(input, 'ProposedPassword', 256);
  const event = { EventType: 'PasswordChange', IpAddress: ctx?.ip, ClientId: client.ClientId } as const;
  if (!(await deps.credentials.verify(user, previous))) {
    await recordAuthEvent(deps, pool, user, {
      ...event,
      EventResponse: 'Fail',
      ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }],
    });
    throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
  }
  checkPasswordPolicy(proposed, pool);
  const risk = await screenNewPassword(deps, pool, client.ClientId, proposed, 'PASSWORD_CHANGE', { user, ip: ctx?.ip });
  const saved = await saveNewPassword(deps, user, proposed);
  await recordAuthEvent(deps, pool, saved, {
    ...event,
    EventResponse: 'Pass',
    ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }],
    ...(risk ? { EventRisk: risk } : {}),
  });
  return {} satisfies Wire<ChangePasswordResponse>;
};
