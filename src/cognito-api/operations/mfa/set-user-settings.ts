// SetUserSettings (access token) and AdminSetUserSettings: the legacy way to turn SMS MFA on or off,
// kept by Cognito for old clients ("This action is no longer supported. You can use it to configure
// only SMS MFA"). MFAOptions [{DeliveryMedium: SMS, AttributeName: phone_number}] turns SMS MFA on
// (the user needs a phone number), an empty list turns it off; any other option is refused. What
// it sets is what SetUserMFAPreference sets, so GetUser's MFAOptions / UserMFASettingList show it.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserSettings.html
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserSettings.html
import type { AdminSetUserSettingsResponse, SetUserSettingsResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import type { User } from '../../../domain/model.js';
import { saveUserChanges } from '../../../domain/users.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { MFA_FACTORS } from '../../../mfa/factors.js';
import { invalid, requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';

/** true: SMS MFA on; false: off. */
function readSmsOption(input: Input): boolean {
  const options = input.MFAOptions;
  if (options === undefined || options === null) throw invalid('MFAOptions', options, 'Member must not be null');
  if (!Array.isArray(options)) throw new CognitoError('SerializationException', 'MFAOptions must be a list');
  for (const option of options as unknown[]) {
    const { DeliveryMedium, AttributeName } = (option ?? {}) as Record<string, unknown>;
    if (DeliveryMedium !== 'SMS' || AttributeName !== 'phone_number') {
      throw new CognitoError(
        'InvalidParameterException',
        'Only SMS delivery to phone_number can be set with MFAOptions; use SetUserMFAPreference for other factors.',
      );
    }
  }
  return options.length > 0;
}

async function setSms(deps: Pick<Deps, 'clock' | 'store'>, user: User, on: boolean): Promise<void> {
  if (on && user.Attributes.phone_number === undefined) {
    throw new CognitoError('InvalidParameterException', 'User does not have delivery config set to turn on SMS_MFA');
  }
  const enabled = new Set(user.UserMFASettingList ?? []);
  if (on) enabled.add('SMS_MFA');
  else enabled.delete('SMS_MFA');
  const list = MFA_FACTORS.filter((f) => enabled.has(f));
  const preferred = user.PreferredMfaSetting !== undefined && enabled.has(user.PreferredMfaSetting) ? user.PreferredMfaSetting : undefined;
  await saveUserChanges(deps, user, () => ({ UserMFASettingList: list.length > 0 ? list : undefined, PreferredMfaSetting: preferred }));
}

export const setUserSettings: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user } = await userFromAccessToken(deps, input);
  await setSms(deps, user, readSmsOption(input));
  return {} satisfies Wire<SetUserSettingsResponse>;
};

export const adminSetUserSettings: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const user = userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
  await setSms(deps, user, readSmsOption(input));
  return {} satisfies Wire<AdminSetUserSettingsResponse>;
};
