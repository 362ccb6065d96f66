// GetUserPoolMfaConfig: the pool's MFA settings, as SetUserPoolMfaConfig left them.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserPoolMfaConfig.html
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { mfaConfigOutput } from './mfa-config-type.js';

export const getUserPoolMfaConfig: Operation<'store'> =
  ({ store }) =>
  async (input) =>
    mfaConfigOutput(poolOrThrow(store, requiredString(input, 'UserPoolId', 55)));
