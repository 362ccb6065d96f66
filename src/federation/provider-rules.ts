// Identity-provider records: the rules CreateIdentityProvider / UpdateIdentityProvider and fixtures
// share, and the extra details DescribeIdentityProvider shows per provider type
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html,
// ProviderDetails). Rule failures are ProviderRuleError; each caller turns them into its own error.
import type { IdentityProvider, ProviderType } from '../domain/model.js';
import { unicodePattern } from '../domain/unicode-pattern.js';

export const PROVIDER_TYPES: readonly ProviderType[] = ['SAML', 'Facebook', 'Google', 'LoginWithAmazon', 'SignInWithApple', 'OIDC'];
export const SOCIAL_TYPES: readonly ProviderType[] = ['Facebook', 'Google', 'LoginWithAmazon', 'SignInWithApple'];

export class ProviderRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** ProviderNameTypeV2: 1-32 characters, no `_` or white space at either end. */
const PROVIDER_NAME = unicodePattern('^[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+$');
const IDP_IDENTIFIER = /^[\w\s+=.@-]+$/u;

/** Details each type needs at creation. */
const REQUIRED_DETAILS: Record<ProviderType, readonly string[]> = {
  Google: ['client_id', 'client_secret', 'authorize_scopes'],
  Facebook: ['client_id', 'client_secret', 'authorize_scopes'],
  LoginWithAmazon: ['client_id', 'client_secret', 'authorize_scopes'],
  SignInWithApple: ['client_id', 'team_id', 'key_id', 'private_key', 'authorize_scopes'],
  OIDC: ['client_id', 'authorize_scopes', 'attributes_request_method', 'oidc_issuer'],
  SAML: [],
};

/** The provider's own user id claim, mapped to `username` unless the mapping says otherwise. */
export const USER_ID_CLAIM: Record<ProviderType, string | undefined> = {
  Google: 'sub',
  Facebook: 'id',
  LoginWithAmazon: 'user_id',
  SignInWithApple: 'sub',
  OIDC: 'sub',
  SAML: undefined,
};

export function checkProvider(p: IdentityProvider): void {
  if (p.ProviderName.length > 32 || !PROVIDER_NAME().test(p.ProviderName)) {
    throw new ProviderRuleError(
      'ProviderName',
      'Member must satisfy regular expression pattern: [^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+',
    );
  }
  // Social providers are named after their type (the console and every SDK example do so; the
  // app client's SupportedIdentityProviders and identity_provider use these exact names).
  if (SOCIAL_TYPES.includes(p.ProviderType) && p.ProviderName !== p.ProviderType) {
    throw new ProviderRuleError('ProviderName', `ProviderName must be ${p.ProviderType} for ProviderType ${p.ProviderType}`);
  }
  if (p.ProviderType !== p.ProviderName && [...SOCIAL_TYPES, 'COGNITO', 'Cognito'].includes(p.ProviderName)) {
    throw new ProviderRuleError('ProviderName', `ProviderName ${p.ProviderName} is reserved`);
  }
  for (const key of REQUIRED_DETAILS[p.ProviderType]) {
    if (!p.ProviderDetails[key])
      throw new ProviderRuleError('ProviderDetails', `${key} is required for ${p.ProviderType} identity providers`);
  }
  if (p.ProviderType === 'OIDC' && !['GET', 'POST'].includes(p.ProviderDetails.attributes_request_method ?? '')) {
    throw new ProviderRuleError('ProviderDetails', 'attributes_request_method must be GET or POST');
  }
  if (p.ProviderType === 'SAML' && !p.ProviderDetails.MetadataURL && !p.ProviderDetails.MetadataFile) {
    throw new ProviderRuleError('ProviderDetails', 'MetadataURL or MetadataFile is required for SAML identity providers');
  }
  if (p.IdpIdentifiers.length > 50) throw new ProviderRuleError('IdpIdentifiers', 'Member must have length less than or equal to 50');
  for (const id of p.IdpIdentifiers) {
    if (id.length < 1 || id.length > 40 || !IDP_IDENTIFIER.test(id)) {
      throw new ProviderRuleError(
        'IdpIdentifiers',
        'Member must satisfy constraint: [Member must satisfy regular expression pattern: [\\w\\s+=.@-]+]',
      );
    }
  }
}

/** An identifier already used by another provider of the pool, if any. */
export function takenIdentifier(p: IdentityProvider, others: readonly IdentityProvider[]): string | undefined {
  return p.IdpIdentifiers.find((id) => others.some((o) => o.ProviderName !== p.ProviderName && o.IdpIdentifiers.includes(id)));
}

/** AttributeMapping with the provider's user id mapped to `username` when the caller left it out. */
export function withDefaultMapping(type: ProviderType, mapping: Record<string, string>): Record<string, string> {
  const claim = USER_ID_CLAIM[type];
  return claim !== undefined && mapping.username === undefined ? { username: claim, ...mapping } : { ...mapping };
}

const GOOGLE = {
  attributes_url: 'https://people.googleapis.com/v1/people/me?personFields=',
  attributes_url_add_attributes: 'true',
  authorize_url: 'https://accounts.google.com/o/oauth2/v2/auth',
  oidc_issuer: 'https://accounts.google.com',
  token_request_method: 'POST',
  token_url: 'https://www.googleapis.com/oauth2/v4/token',
};

function facebook(version: string) {
  return {
    attributes_url: `https://graph.facebook.com/${version}/me?fields=`,
    attributes_url_add_attributes: 'true',
    authorize_url: `https://www.facebook.com/${version}/dialog/oauth`,
    token_request_method: 'GET',
    token_url: `https://graph.facebook.com/${version}/oauth/access_token`,
  };
}

const AMAZON = {
  attributes_url: 'https://api.amazon.com/user/profile',
  attributes_url_add_attributes: 'false',
  authorize_url: 'https://www.amazon.com/ap/oa',
  token_request_method: 'POST',
  token_url: 'https://api.amazon.com/auth/o2/token',
};

const APPLE = {
  attributes_url_add_attributes: 'false',
  authorize_url: 'https://appleid.apple.com/auth/authorize',
  oidc_issuer: 'https://appleid.apple.com',
  token_request_method: 'POST',
  token_url: 'https://appleid.apple.com/auth/token',
};

/** ProviderDetails as DescribeIdentityProvider shows them: the type's fixed endpoints added, Apple's private key withheld. */
export function describedDetails(p: IdentityProvider): Record<string, string> {
  const given = p.ProviderDetails;
  switch (p.ProviderType) {
    case 'Google':
      return { ...given, ...GOOGLE };
    case 'Facebook':
      return { ...given, ...facebook(given.api_version ?? 'v17.0') };
    case 'LoginWithAmazon':
      return { ...given, ...AMAZON };
    case 'SignInWithApple': {
      const { private_key: _hidden, ...rest } = given;
      return { ...rest, ...APPLE };
    }
    case 'OIDC':
      return { attributes_url_add_attributes: 'false', ...given };
    case 'SAML':
      return { ...given };
  }
}
