// AdminDisableProviderForUser
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDisableProviderForUser.html):
// for a native user (ProviderName "Cognito") the password stops working; for a linked identity the
// link goes; for a provider's own user, that user can no longer sign in.
import type { AdminDisableProviderForUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '../../../domain/model.js';
import { NO_PASSWORD } from '../../../domain/credentials.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { federatedUsername } from '../../../federation/federated-user.js';
import { withoutProvider } from '../../../domain/federated-identities.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { providerUser } from './provider-input.js';

export const adminDisableProviderForUser: Operation<'clock' | 'credentials' | 'store'> =
  ({ store, clock, credentials }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const who = providerUser(input, 'User');
    const now = clock.now();
    const notFound = () => new CognitoError('UserNotFoundException', 'User does not exist.');
    if (who.ProviderName === 'Cognito') {
      const user = store.getUser(pool.Id, who.ProviderAttributeValue);
      if (!user) throw notFound();
      // The password goes, a fixture's too: the record says so, for every replica.
      credentials.forget(user);
      const { PasswordHash: _hash, Srp: _srp, ...rest } = user;
      await store.putUser({ ...rest, PasswordHash: NO_PASSWORD, UserLastModifiedDate: now });
      return {} satisfies Wire<AdminDisableProviderForUserResponse>;
    }
    const provider = store.getIdentityProvider(pool.Id, who.ProviderName);
    if (!provider)
      throw new CognitoError('InvalidParameterException', `The provider ${who.ProviderName} does not exist for User Pool ${pool.Id}`);
    const attributeName = who.ProviderAttributeName ?? 'Cognito_Subject';
    const linked = store
      .listUsers(pool.Id)
      .find((u) =>
        u.LinkedIdentities?.some(
          (l) =>
            l.ProviderName === provider.ProviderName &&
            l.ProviderAttributeName === attributeName &&
            l.ProviderAttributeValue === who.ProviderAttributeValue,
        ),
      );
    if (linked) {
      const links = (linked.LinkedIdentities ?? []).filter((l) => l.ProviderName !== provider.ProviderName);
      const identities = withoutProvider(linked, provider.ProviderName);
      const { identities: _old, ...attributes } = linked.Attributes;
      const updated: User = {
        ...linked,
        Attributes: { ...attributes, ...(identities !== undefined ? { identities } : {}) },
        UserLastModifiedDate: now,
        ...(links.length > 0 ? { LinkedIdentities: links } : {}),
      };
      if (links.length === 0) delete updated.LinkedIdentities;
      await store.putUser(updated);
      return {} satisfies Wire<AdminDisableProviderForUserResponse>;
    }
    const own =
      attributeName === 'Cognito_Subject' ? store.getUser(pool.Id, federatedUsername(provider, who.ProviderAttributeValue)) : undefined;
    if (!own) throw notFound();
    await store.putUser({ ...own, Enabled: false, UserLastModifiedDate: now });
    return {} satisfies Wire<AdminDisableProviderForUserResponse>;
  };
