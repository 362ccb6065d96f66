// The pool's MFA settings as SetUserPoolMfaConfig and GetUserPoolMfaConfig answer them.
import type { GetUserPoolMfaConfigResponse, SetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPool } from '../../../domain/model.js';
import { poolFactors } from '../../../mfa/factors.js';
import type { Wire } from '../../operation.js';

/** Both operations answer with the pool's MFA settings as they now stand. */
export function mfaConfigOutput(pool: UserPool): Wire<GetUserPoolMfaConfigResponse & SetUserPoolMfaConfigResponse> {
  const factors = poolFactors(pool);
  return {
    ...(pool.SmsConfiguration
      ? {
          SmsMfaConfiguration: {
            SmsAuthenticationMessage: pool.SmsAuthenticationMessage,
            SmsConfiguration: pool.SmsConfiguration,
          },
        }
      : {}),
    SoftwareTokenMfaConfiguration: { Enabled: factors.includes('SOFTWARE_TOKEN_MFA') },
    EmailMfaConfiguration: pool.EmailMfaConfiguration,
    MfaConfiguration: pool.MfaConfiguration ?? 'OFF',
    // Observed for a pool without passkey settings: only FactorConfiguration.
    WebAuthnConfiguration: { ...pool.WebAuthnConfiguration, FactorConfiguration: 'SINGLE_FACTOR' },
  };
}
