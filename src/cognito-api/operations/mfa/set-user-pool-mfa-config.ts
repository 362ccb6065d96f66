// SetUserPoolMfaConfig: whether sign-in asks for a second factor and which factors the pool offers
// (the request is read in mfa-config-input.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { applyMfaConfig } from './mfa-config-input.js';
import { mfaConfigOutput } from './mfa-config-type.js';

export const setUserPoolMfaConfig: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const next = { ...applyMfaConfig(pool, input), LastModifiedDate: clock.now() };
    await store.putPool(next);
    return mfaConfigOutput(next);
  };
