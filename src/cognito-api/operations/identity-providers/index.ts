// Identity-provider operations (federation's configuration) and provider linking.
import type { Operation } from '../../operation.js';
import { adminDisableProviderForUser } from './admin-disable-provider-for-user.js';
import { adminLinkProviderForUser } from './admin-link-provider-for-user.js';
import { createIdentityProvider } from './create-identity-provider.js';
import { deleteIdentityProvider } from './delete-identity-provider.js';
import { describeIdentityProvider } from './describe-identity-provider.js';
import { getIdentityProviderByIdentifier } from './get-identity-provider-by-identifier.js';
import { listIdentityProviders } from './list-identity-providers.js';
import { updateIdentityProvider } from './update-identity-provider.js';

export const IDENTITY_PROVIDER_OPERATIONS: Record<string, Operation> = {
  CreateIdentityProvider: createIdentityProvider,
  DescribeIdentityProvider: describeIdentityProvider,
  ListIdentityProviders: listIdentityProviders,
  UpdateIdentityProvider: updateIdentityProvider,
  DeleteIdentityProvider: deleteIdentityProvider,
  GetIdentityProviderByIdentifier: getIdentityProviderByIdentifier,
  AdminLinkProviderForUser: adminLinkProviderForUser,
  AdminDisableProviderForUser: adminDisableProviderForUser,
};
