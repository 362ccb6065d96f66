// MFA operations: the pool's MFA configuration, users' factor preferences, authenticator apps.
import type { Operation } from '../../operation.js';
import { getUserPoolMfaConfig, setUserPoolMfaConfig } from './pool-mfa-config.js';
import { associateSoftwareToken, verifySoftwareToken } from './software-token.js';
import { adminSetUserMfaPreference, setUserMfaPreference } from './user-mfa-preference.js';

export const MFA_OPERATIONS: Record<string, Operation> = {
  SetUserPoolMfaConfig: setUserPoolMfaConfig,
  GetUserPoolMfaConfig: getUserPoolMfaConfig,
  SetUserMFAPreference: setUserMfaPreference,
  AdminSetUserMFAPreference: adminSetUserMfaPreference,
  AssociateSoftwareToken: associateSoftwareToken,
  VerifySoftwareToken: verifySoftwareToken,
};
