// Turning a user's SMS MFA on or off, as SetUserSettings and AdminSetUserSettings do: what it sets
// is what SetUserMFAPreference sets, so GetUser's MFAOptions / UserMFASettingList show it.
import type { Deps } from '../../../deps.js';
import type { User } from '../../../domain/model.js';
import { saveUserChanges } from '../../../domain/users.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { MFA_FACTORS } from '../../../mfa/factors.js';

/** Turns the user's SMS MFA on or off (the user needs a phone number to turn it on). */
export async function setSms(deps: Pick<Deps, 'clock' | 'store'>, user: User, on: boolean): Promise<void> {
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
