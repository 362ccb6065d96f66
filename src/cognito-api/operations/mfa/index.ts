// MFA operations: the pool's MFA configuration, users' factor preferences (and the legacy
// MFAOptions), authenticator apps.
import type { Operation } from '../../operation.js';
import { adminDeleteSoftwareToken } from './admin-delete-software-token.js';
import { adminSetUserMfaPreference } from './admin-set-user-mfa-preference.js';
import { adminSetUserSettings } from './admin-set-user-settings.js';
import { associateSoftwareToken } from './associate-software-token.js';
import { getUserPoolMfaConfig } from './get-user-pool-mfa-config.js';
import { setUserMfaPreference } from './set-user-mfa-preference.js';
import { setUserPoolMfaConfig } from './set-user-pool-mfa-config.js';
import { setUserSettings } from './set-user-settings.js';
import { verifySoftwareToken } from './verify-software-token.js';

export const MFA_OPERATIONS: Record<string, Operation> = {
  SetUserPoolMfaConfig: setUserPoolMfaConfig,
  GetUserPoolMfaConfig: getUserPoolMfaConfig,
  SetUserMFAPreference: setUserMfaPreference,
  AdminSetUserMFAPreference: adminSetUserMfaPreference,
  AssociateSoftwareToken: associateSoftwareToken,
  VerifySoftwareToken: verifySoftwareToken,
  AdminDeleteSoftwareToken: adminDeleteSoftwareToken,
  SetUserSettings: setUserSettings,
  AdminSetUserSettings: adminSetUserSettings,
};
