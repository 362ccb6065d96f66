// The MFA members of GetUser, AdminGetUser and (without MFAOptions) GetUserAuthFactors, present
// only once the user has MFA settings, as Cognito leaves them out. The legacy MFAOptions
// (MFAOptionType) describes SMS only.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html
import type { GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';

export function mfaSettingFields(user: User): Wire<Pick<GetUserResponse, 'MFAOptions' | 'PreferredMfaSetting' | 'UserMFASettingList'>> {
  const list = user.UserMFASettingList ?? [];
  return {
    PreferredMfaSetting: user.PreferredMfaSetting,
    UserMFASettingList: list.length > 0 ? list : undefined,
    MFAOptions: list.includes('SMS_MFA') ? [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] : undefined,
  };
}
