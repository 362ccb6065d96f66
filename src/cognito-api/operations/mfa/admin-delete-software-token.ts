// AdminDeleteSoftwareToken: forgets the user's authenticator app (TOTP), for a user who lost the
// device. TOTP MFA is off for the user afterwards (and no longer preferred); a new app can be
// registered with AssociateSoftwareToken.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDeleteSoftwareToken.html
import type { AdminDeleteSoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { saveUserChanges } from '../../../domain/users.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';

export const adminDeleteSoftwareToken: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { user } = namedUser(deps.store, input);
  if (user.UserStatus === 'UNCONFIRMED') throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.SoftwareToken === undefined && user.PendingSoftwareTokenSecret === undefined) {
    throw new CognitoError('ResourceNotFoundException', 'Software token not found for the user.');
  }
  const list = (user.UserMFASettingList ?? []).filter((f) => f !== 'SOFTWARE_TOKEN_MFA');
  await saveUserChanges(deps, user, () => ({
    SoftwareToken: undefined,
    PendingSoftwareTokenSecret: undefined,
    UserMFASettingList: list.length > 0 ? list : undefined,
    PreferredMfaSetting: user.PreferredMfaSetting === 'SOFTWARE_TOKEN_MFA' ? undefined : user.PreferredMfaSetting,
  }));
  return {} satisfies Wire<AdminDeleteSoftwareTokenResponse>;
};
