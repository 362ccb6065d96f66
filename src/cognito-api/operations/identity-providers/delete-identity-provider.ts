// DeleteIdentityProvider. Clients naming the provider keep the name; /oauth2/authorize then refuses it.
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { providerName, providerOrThrow } from './provider-input.js';

export const deleteIdentityProvider: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const provider = providerOrThrow(store, pool.Id, providerName(input));
    await store.deleteIdentityProvider(pool.Id, provider.ProviderName);
    return {};
  };
