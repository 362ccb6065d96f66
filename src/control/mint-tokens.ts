// POST /_emulator/tokens: real, verifiable tokens shaped exactly as the token endpoint shapes
// them, for a user (code-flow shape, with a refresh token) or a client (client_credentials shape),
// without clicking through the hosted page (README, Test-control API).
import type { Deps } from '../deps.js';
import { findSignInUser } from '../domain/users.js';
import { grantClientScopes, isCustomScope, scopeExists } from '../domain/scopes.js';
import type { TokenSet } from '../tokens/token-issuer.js';
import { ControlError } from '../errors/control-error.js';

export async function mintTokens(input: Record<string, unknown>, deps: Deps): Promise<TokenSet> {
  const { userPoolId, clientId, username, scopes } = input;
  if (typeof userPoolId !== 'string' || typeof clientId !== 'string') {
    throw new ControlError('InvalidRequest', 'userPoolId and clientId are required strings');
  }
  if (scopes !== undefined && (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string'))) {
    throw new ControlError('InvalidRequest', 'scopes must be a list of strings');
  }
  const pool = deps.store.getPool(userPoolId);
  if (!pool) throw new ControlError('ResourceNotFoundException', `User pool ${userPoolId} does not exist.`, 404);
  const client = deps.store.getClient(clientId);
  if (!client || client.UserPoolId !== pool.Id)
    throw new ControlError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`, 404);
  const servers = deps.store.listResourceServers(pool.Id);
  const requested = (scopes as string[] | undefined) ?? client.AllowedOAuthScopes;
  const unknown = requested.find((s) => !scopeExists(s, servers));
  if (unknown !== undefined) throw new ControlError('ScopeDoesNotExistException', `Invalid scope requested: ${unknown}`);

  if (username === undefined) {
    const granted = grantClientScopes(requested, client, servers);
    if (!granted || requested.some((s) => !isCustomScope(s))) {
      throw new ControlError('InvalidRequest', "client_credentials tokens carry the client's custom scopes only");
    }
    return deps.tokens.clientCredentialsToken(client, granted);
  }
  if (typeof username !== 'string') throw new ControlError('InvalidRequest', 'username must be a string');
  const user = findSignInUser(deps.store, pool, username);
  if (!user) throw new ControlError('UserNotFoundException', 'User does not exist.', 404);
  // Any scope the pool defines may be minted, even one the client is not allowed: tests of
  // relying parties often need exactly such tokens.
  return deps.tokens.userTokens({ client, user, scopes: requested, channel: 'oauth', withRefreshToken: true });
}
