// AdminLinkProviderForUser: a provider identity that has not signed in yet is linked to an existing
// native user, so that signing in through the provider yields that user
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminLinkProviderForUser.html).
import type { AdminLinkProviderForUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { LinkedIdentity, User } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { federatedUsername } from '../../../federation/federated-user.js';
import { withIdentity } from '../../../domain/federated-identities.js';
import { SOCIAL_TYPES } from '../../../federation/provider-rules.js';
import { invalid, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { providerUser } from './provider-input.js';

const MAX_LINKS = 5;

export const adminLinkProviderForUser: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const destination = providerUser(input, 'DestinationUser');
    const source = providerUser(input, 'SourceUser');
    // Wording unconfirmed for the refusals below unless noted.
    if (destination.ProviderName !== 'Cognito')
      throw new CognitoError('InvalidParameterException', 'DestinationUser must be a Cognito user (ProviderName "Cognito").');
    const user = store.getUser(pool.Id, destination.ProviderAttributeValue);
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    if (user.UserStatus === 'EXTERNAL_PROVIDER')
      throw new CognitoError('InvalidParameterException', 'DestinationUser must be a native Cognito user.');
    const provider = store.getIdentityProvider(pool.Id, source.ProviderName);
    if (!provider)
      throw new CognitoError('InvalidParameterException', `The provider ${source.ProviderName} does not exist for User Pool ${pool.Id}`);
    const attributeName = source.ProviderAttributeName ?? '';
    if (SOCIAL_TYPES.includes(provider.ProviderType) && attributeName !== 'Cognito_Subject') {
      throw new CognitoError('InvalidParameterException', 'ProviderAttributeName must be Cognito_Subject for social identity providers.');
    }
    if (attributeName === '') throw invalid('ProviderAttributeName', undefined, 'Member must not be null');
    if (attributeName === 'Cognito_Subject' && store.getUser(pool.Id, federatedUsername(provider, source.ProviderAttributeValue))) {
      // Observed wording (aws/aws-sdk-net#1000).
      throw new CognitoError(
        'InvalidParameterException',
        'Merging is not currently supported, provide a SourceUser that has not been signed up in order to link',
      );
    }
    const same = (l: LinkedIdentity) =>
      l.ProviderName === provider.ProviderName &&
      l.ProviderAttributeName === attributeName &&
      l.ProviderAttributeValue === source.ProviderAttributeValue;
    const owner = store.listUsers(pool.Id).find((u) => u.LinkedIdentities?.some(same));
    if (owner && owner.Username !== user.Username)
      throw new CognitoError('AliasExistsException', 'The source user is already linked to another user.');
    if (owner) return {} satisfies Wire<AdminLinkProviderForUserResponse>;
    const links = user.LinkedIdentities ?? [];
    if (links.length >= MAX_LINKS) throw new CognitoError('LimitExceededException', 'A user can have at most 5 linked identities.');
    const now = clock.now();
    const updated: User = {
      ...user,
      LinkedIdentities: [
        ...links,
        {
          ProviderName: provider.ProviderName,
          ProviderAttributeName: attributeName,
          ProviderAttributeValue: source.ProviderAttributeValue,
          DateCreated: now,
        },
      ],
      // With the provider's user id known, `identities` lists it at once (as in the developer guide's example).
      ...(attributeName === 'Cognito_Subject'
        ? { Attributes: { ...user.Attributes, identities: withIdentity(user, provider, source.ProviderAttributeValue, false, now) } }
        : {}),
      UserLastModifiedDate: now,
    };
    await store.putUser(updated);
    return {} satisfies Wire<AdminLinkProviderForUserResponse>;
  };
