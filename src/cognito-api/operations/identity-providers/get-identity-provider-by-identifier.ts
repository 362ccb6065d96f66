// GetIdentityProviderByIdentifier: the provider whose IdpIdentifiers hold the identifier.
import type { GetIdentityProviderByIdentifierResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { identityProviderType } from './provider-type.js';

export const getIdentityProviderByIdentifier: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const identifier = requiredString(input, 'IdpIdentifier', 40);
    const provider = store.listIdentityProviders(pool.Id).find((p) => p.IdpIdentifiers.includes(identifier));
    // Wording unconfirmed.
    if (!provider) throw new CognitoError('ResourceNotFoundException', `Identity provider with identifier ${identifier} does not exist.`);
    return { IdentityProvider: identityProviderType(provider) } satisfies Wire<GetIdentityProviderByIdentifierResponse>;
  };
