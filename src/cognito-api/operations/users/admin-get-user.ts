// AdminGetUser: the user's attributes under `UserAttributes` (unlike ListUsers' `Attributes`).
// MFAOptions / UserMFASettingList / PreferredMfaSetting are left out for users without MFA, as Cognito leaves them out.
import type { AdminGetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeList } from '../../../domain/attributes.js';
import { mfaSettingFields } from './mfa-settings-type.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';

export const adminGetUser: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const { user } = namedUser(store, input);
    return {
      Enabled: user.Enabled,
      UserAttributes: attributeList(user.Attributes),
      UserCreateDate: seconds(user.UserCreateDate),
      UserLastModifiedDate: seconds(user.UserLastModifiedDate),
      UserStatus: user.UserStatus,
      Username: user.Username,
      ...mfaSettingFields(user),
    } satisfies Wire<AdminGetUserResponse>;
  };
