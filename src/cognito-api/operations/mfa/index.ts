// MFA operations: the pool's MFA configuration, users' factor preferences (and the legacy
// MFAOptions), authenticator apps.
import type { Operation } from '../../operation.js';
import { getUserPoolMfaConfig, setUserPoolMfaConfig } from './set-user-pool-mfa-config.js';
import { associateSoftwareToken, verifySoftwareToken } from './associate-software-token.js';
import { adminDeleteSoftwareToken } from './admin-delete-software-token.js';
import { adminSetUserMfaPreference, setUserMfaPreference } from './set-user-mfa-preference.js';
import { adminSetUserSettings, setUserSettings } from './set-user-settings.js';

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
