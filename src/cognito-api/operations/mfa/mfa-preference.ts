// The change SetUserMFAPreference and AdminSetUserMFAPreference make: which factors a user has on
// and which one is preferred. "Only one factor can be set as preferred"; a factor needs its
// delivery first (a verified authenticator app, a phone number, an email address), refused with
// Cognito's observed wording.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html
import type { Deps } from '../../../deps.js';
import type { MfaFactor, User } from '../../../domain/model.js';
import { saveUserChanges } from '../../../domain/users.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { MFA_FACTORS } from '../../../mfa/factors.js';
import { optionalBoolean, optionalStructure } from '../../input.js';
import type { Input } from '../../operation.js';

const MEMBERS: Record<MfaFactor, string> = {
  SMS_MFA: 'SMSMfaSettings',
  SOFTWARE_TOKEN_MFA: 'SoftwareTokenMfaSettings',
  EMAIL_OTP: 'EmailMfaSettings',
};

function hasDelivery(user: User, factor: MfaFactor): boolean {
  if (factor === 'SOFTWARE_TOKEN_MFA') return user.SoftwareToken !== undefined;
  return user.Attributes[factor === 'SMS_MFA' ? 'phone_number' : 'email'] !== undefined;
}

export async function setPreference(deps: Pick<Deps, 'clock' | 'store'>, user: User, input: Input): Promise<void> {
  if (optionalStructure(input, 'WebAuthnMfaSettings')) {
    throw new CognitoError('InvalidParameterException', 'WebAuthnMfaSettings (passkeys) is not supported by cognito-emulator');
  }
  const enabled = new Set(user.UserMFASettingList ?? []);
  let preferred = user.PreferredMfaSetting;
  for (const factor of MFA_FACTORS) {
    const settings = optionalStructure(input, MEMBERS[factor]);
    if (!settings) continue;
    const on = optionalBoolean(settings, 'Enabled');
    const prefer = optionalBoolean(settings, 'PreferredMfa');
    if (on === true || prefer === true) {
      if (!hasDelivery(user, factor)) {
        throw new CognitoError('InvalidParameterException', `User does not have delivery config set to turn on ${factor}`);
      }
      enabled.add(factor);
    }
    if (on === false) enabled.delete(factor);
    if (prefer === true) preferred = factor;
    if ((prefer === false || on === false) && preferred === factor) preferred = undefined;
  }
  const list = MFA_FACTORS.filter((f) => enabled.has(f));
  await saveUserChanges(deps, user, () => ({
    UserMFASettingList: list.length > 0 ? list : undefined,
    PreferredMfaSetting: preferred !== undefined && enabled.has(preferred) ? preferred : undefined,
  }));
}
