// SetUserPoolMfaConfig / GetUserPoolMfaConfig: whether sign-in asks for a second factor and which
// factors the pool offers (the request is read in mfa-config-input.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
import type { GetUserPoolMfaConfigResponse, SetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPool } from '../../../domain/model.js';
import { poolFactors } from '../../../mfa/factors.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { applyMfaConfig } from './mfa-config-input.js';

/** Both operations answer with the pool's MFA settings as they now stand. */
function mfaConfigOutput(pool: UserPool): Wire<GetUserPoolMfaConfigResponse & SetUserPoolMfaConfigResponse> {
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

export const setUserPoolMfaConfig: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const next = { ...applyMfaConfig(pool, input), LastModifiedDate: clock.now() };
    await store.putPool(next);
    return mfaConfigOutput(next);
  };

export const getUserPoolMfaConfig: Operation<'store'> =
  ({ store }) =>
  async (input) =>
    mfaConfigOutput(poolOrThrow(store, requiredString(input, 'UserPoolId', 55)));
