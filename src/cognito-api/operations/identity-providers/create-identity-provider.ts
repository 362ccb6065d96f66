// CreateIdentityProvider: a social, OIDC or SAML provider the pool's clients can then name in
// SupportedIdentityProviders.
import type { CreateIdentityProviderResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { PROVIDER_TYPES, withDefaultMapping } from '../../../federation/provider-rules.js';
import { invalid, optionalStringList, optionalStringMap, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { checkOrThrow, providerName } from './provider-input.js';
import { identityProviderType } from './provider-type.js';
import type { ProviderType } from '../../../domain/model.js';

export const createIdentityProvider: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const name = providerName(input);
    const type = requiredString(input, 'ProviderType', 32);
    if (!(PROVIDER_TYPES as readonly string[]).includes(type)) {
      throw invalid('ProviderType', type, `Member must satisfy enum value set: [${PROVIDER_TYPES.join(', ')}]`);
    }
    const details = optionalStringMap(input, 'ProviderDetails');
    if (details === undefined) throw invalid('ProviderDetails', undefined, 'Member must not be null');
    const now = clock.now();
    const provider = {
      UserPoolId: pool.Id,
      ProviderName: name,
      ProviderType: type as ProviderType,
      ProviderDetails: details,
      AttributeMapping: withDefaultMapping(type as ProviderType, optionalStringMap(input, 'AttributeMapping') ?? {}),
      IdpIdentifiers: optionalStringList(input, 'IdpIdentifiers') ?? [],
      CreationDate: now,
      LastModifiedDate: now,
    };
    checkOrThrow(store, provider);
    if (store.getIdentityProvider(pool.Id, name)) {
      // Wording unconfirmed.
      throw new CognitoError('DuplicateProviderException', `A provider with the name ${name} already exists in this user pool.`);
    }
    await store.putIdentityProvider(provider);
    return { IdentityProvider: identityProviderType(provider) } satisfies Wire<CreateIdentityProviderResponse>;
  };
