// UpdateIdentityProvider: ProviderDetails, AttributeMapping and IdpIdentifiers, each replaced when given.
import type { UpdateIdentityProviderResponse } from '@aws-sdk/client-cognito-identity-provider';
import { withDefaultMapping } from '../../../federation/provider-rules.js';
import { optionalStringList, optionalStringMap, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { checkOrThrow, providerName, providerOrThrow } from './provider-input.js';
import { identityProviderType } from './provider-type.js';

export const updateIdentityProvider: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const existing = providerOrThrow(store, pool.Id, providerName(input));
    const details = optionalStringMap(input, 'ProviderDetails');
    const mapping = optionalStringMap(input, 'AttributeMapping');
    const identifiers = optionalStringList(input, 'IdpIdentifiers');
    const provider = {
      ...existing,
      ...(details !== undefined ? { ProviderDetails: { ...existing.ProviderDetails, ...details } } : {}),
      ...(mapping !== undefined ? { AttributeMapping: withDefaultMapping(existing.ProviderType, mapping) } : {}),
      ...(identifiers !== undefined ? { IdpIdentifiers: identifiers } : {}),
      LastModifiedDate: clock.now(),
    };
    checkOrThrow(store, provider);
    await store.putIdentityProvider(provider);
    return { IdentityProvider: identityProviderType(provider) } satisfies Wire<UpdateIdentityProviderResponse>;
  };
