// Input and lookups the identity-provider operations share.
import type { IdentityProvider } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { checkProvider, ProviderRuleError, takenIdentifier } from '../../../federation/provider-rules.js';
import type { Store } from '../../../store/store.js';
import { invalid, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';

export const providerName = (input: Input): string => requiredString(input, 'ProviderName', 32);

export function providerOrThrow(store: Store, userPoolId: string, name: string): IdentityProvider {
  const provider = store.getIdentityProvider(userPoolId, name);
  // Wording unconfirmed.
  if (!provider) throw new CognitoError('ResourceNotFoundException', `Identity provider ${name} does not exist.`);
  return provider;
}

/** Applies the record rules and the pool-wide uniqueness of IdpIdentifiers with Cognito's exception types. */
export function checkOrThrow(store: Store, provider: IdentityProvider): void {
  try {
    checkProvider(provider);
  } catch (err) {
    if (!(err instanceof ProviderRuleError)) throw err;
    if (err.message.startsWith('Member must'))
      throw invalid(err.field, err.field === 'ProviderName' ? provider.ProviderName : '[...]', err.message);
    throw new CognitoError('InvalidParameterException', err.message);
  }
  const taken = takenIdentifier(provider, store.listIdentityProviders(provider.UserPoolId));
  // Wording unconfirmed.
  if (taken !== undefined)
    throw new CognitoError('DuplicateProviderException', `The identifier ${taken} is already used by another identity provider.`);
}

/** A ProviderUserIdentifierType member (AdminLinkProviderForUser, AdminDisableProviderForUser). */
export function providerUser(
  input: Input,
  name: string,
): { ProviderName: string; ProviderAttributeName?: string; ProviderAttributeValue: string } {
  const value = input[name];
  if (value === undefined || value === null) throw invalid(name, value, 'Member must not be null');
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(name, '{...}', 'Member must be a ProviderUserIdentifierType');
  const v = value as Input;
  const attributeName = v.ProviderAttributeName;
  return {
    ProviderName: requiredString(v, 'ProviderName', 32),
    ...(typeof attributeName === 'string' ? { ProviderAttributeName: attributeName } : {}),
    ProviderAttributeValue: requiredString(v, 'ProviderAttributeValue', 2048),
  };
}
