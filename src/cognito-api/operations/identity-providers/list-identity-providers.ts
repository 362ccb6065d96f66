// ListIdentityProviders: ProviderDescription items (name, type, dates), MaxResults 1-60.
import type { ListIdentityProvidersResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalInteger, optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { paginate } from '../../pagination.js';
import { providerDescription } from './provider-type.js';

export const listIdentityProviders: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const max = optionalInteger(input, 'MaxResults', 1, 60) ?? 60;
    const page = paginate(store.listIdentityProviders(pool.Id), (p) => p.ProviderName, max, optionalString(input, 'NextToken', 131072));
    return {
      Providers: page.items.map(providerDescription),
      NextToken: page.nextToken,
    } satisfies Wire<ListIdentityProvidersResponse>;
  };
