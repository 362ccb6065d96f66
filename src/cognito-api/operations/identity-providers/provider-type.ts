// IdentityProviderType (Create/Describe/UpdateIdentityProvider, GetIdentityProviderByIdentifier) and
// ProviderDescription (ListIdentityProviders). The emulator's own EmulatedIdentities stay out.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_IdentityProviderType.html
import type { IdentityProviderType, ProviderDescription } from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityProvider } from '../../../domain/model.js';
import { describedDetails } from '../../../federation/provider-rules.js';
import type { Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';

export function identityProviderType(p: IdentityProvider): Wire<IdentityProviderType> {
  return {
    UserPoolId: p.UserPoolId,
    ProviderName: p.ProviderName,
    ProviderType: p.ProviderType,
    ProviderDetails: describedDetails(p),
    AttributeMapping: p.AttributeMapping,
    IdpIdentifiers: p.IdpIdentifiers,
    LastModifiedDate: seconds(p.LastModifiedDate),
    CreationDate: seconds(p.CreationDate),
  };
}

export const providerDescription = (p: IdentityProvider): Wire<ProviderDescription> => ({
  ProviderName: p.ProviderName,
  ProviderType: p.ProviderType,
  LastModifiedDate: seconds(p.LastModifiedDate),
  CreationDate: seconds(p.CreationDate),
});
