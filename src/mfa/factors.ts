// Which MFA factors a pool offers and a user has turned on, in Cognito's names.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
import type { MfaFactor, User, UserPool } from '../domain/model.js';

/** Cognito's order in UserMFASettingList and MFAS_CAN_CHOOSE / MFAS_CAN_SETUP. */
export const MFA_FACTORS: readonly MfaFactor[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

/** Factors the pool offers: SMS once SMS is configured, TOTP when enabled, email once configured. */
export function poolFactors(pool: UserPool): MfaFactor[] {
  return MFA_FACTORS.filter((f) =>
    f === 'SMS_MFA'
      ? pool.SmsConfiguration !== undefined
      : f === 'SOFTWARE_TOKEN_MFA'
        ? pool.SoftwareTokenMfaConfiguration?.Enabled === true
        : pool.EmailMfaConfiguration !== undefined,
  );
}

/**
 * The factors this user can be challenged with now. A verified authenticator app keeps working
 * after the pool turns TOTP off ("users who have already verified a token continue to use it");
 * SMS and email need the pool's configuration and the user's phone number or email address.
 */
export function userFactors(pool: UserPool, user: User): MfaFactor[] {
  const offered = poolFactors(pool);
  return (user.UserMFASettingList ?? []).filter((f) => {
    if (f === 'SOFTWARE_TOKEN_MFA') return user.SoftwareToken !== undefined;
    if (!offered.includes(f)) return false;
    return user.Attributes[f === 'SMS_MFA' ? 'phone_number' : 'email'] !== undefined;
  });
}
