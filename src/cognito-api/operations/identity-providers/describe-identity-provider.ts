// DescribeIdentityProvider: the record with the type's fixed endpoints added (provider-type.ts).
import type { DescribeIdentityProviderResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { providerName, providerOrThrow } from './provider-input.js';
import { identityProviderType } from './provider-type.js';

export const describeIdentityProvider: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const provider = providerOrThrow(store, pool.Id, providerName(input));
    return { IdentityProvider: identityProviderType(provider) } satisfies Wire<DescribeIdentityProviderResponse>;
  };
