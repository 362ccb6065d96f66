// Resource-server input (CreateResourceServer / UpdateResourceServer) with the API's constraints, and the lookup of the server named.
import type { ResourceServer, ResourceServerScope } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { checkPattern, invalid, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';

export const identifier = (input: Input): string =>
  checkPattern('Identifier', requiredString(input, 'Identifier', 256), /^[\x21\x23-\x5B\x5D-\x7E]+$/, '[\\x21\\x23-\\x5B\\x5D-\\x7E]+');

export const serverName = (input: Input): string =>
  checkPattern('Name', requiredString(input, 'Name', 256), /^[\w\s+=,.@-]+$/, '[\\w\\s+=,.@-]+');

export function scopes(input: Input): ResourceServerScope[] {
  const value = input.Scopes;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid('Scopes', '[...]', 'Member must be a list of ResourceServerScopeType');
  if (value.length > 100) throw invalid('Scopes', '[...]', 'Member must have length less than or equal to 100');
  const seen = new Set<string>();
  return value.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw invalid('Scopes', '[...]', 'Member must be a list of ResourceServerScopeType');
    }
    // A scope name may not contain '/' (the separator in "identifier/scope"), '"' or '\'.
    const ScopeName = checkPattern(
      'ScopeName',
      requiredString(item as Input, 'ScopeName', 256),
      /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/,
      '[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+',
    );
    const ScopeDescription = requiredString(item as Input, 'ScopeDescription', 256);
    if (seen.has(ScopeName)) {
      // Wording unconfirmed.
      throw new CognitoError('InvalidParameterException', `Duplicate scope name ${ScopeName} in the resource server.`);
    }
    seen.add(ScopeName);
    return { ScopeName, ScopeDescription };
  });
}

/** Wording unconfirmed (cognito-local and moto differ; Cognito's text was not found). */
export function resourceServerOrThrow(found: ResourceServer | undefined, id: string): ResourceServer {
  if (!found) throw new CognitoError('ResourceNotFoundException', `Resource server ${id} does not exist.`);
  return found;
}
