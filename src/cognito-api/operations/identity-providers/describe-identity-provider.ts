// DescribeIdentityProvider: the record with the type's fixed endpoints added (provider-rules.ts).
import { identityProviderType } from '../../../federation/provider-rules.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { providerName, providerOrThrow } from './provider-input.js';

export const describeIdentityProvider: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return { IdentityProvider: identityProviderType(providerOrThrow(store, pool.Id, providerName(input))) };
  };
