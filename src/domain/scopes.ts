// Scope rules shared by /oauth2/authorize and /oauth2/token
// (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
import { STANDARD_SCOPES, type AppClient, type ResourceServer } from './model.js';

/** Space-separated per RFC 6749 §3.3; order kept, duplicates dropped. */
export function parseScope(scope: string | undefined): string[] {
  if (scope === undefined) return [];
  // Query strings and form bodies are already decoded ('+' → space), so a literal '+' belongs to the scope.
  return [...new Set(scope.split(/ +/).filter((s) => s !== ''))];
}

export const isCustomScope = (scope: string): boolean => !(STANDARD_SCOPES as readonly string[]).includes(scope);

/** A custom scope counts only while its resource server still defines it (deleted ones drop silently). */
export function scopeExists(scope: string, servers: readonly ResourceServer[]): boolean {
  if (!isCustomScope(scope)) return true;
  return servers.some((rs) => rs.Scopes.some((s) => `${rs.Identifier}/${s.ScopeName}` === scope));
}

/**
 * The scopes an interactive (code / implicit) request is granted, or undefined when it asks for
 * one the client may not have. Omitted scope = every scope enabled on the client.
 */
export function grantUserScopes(requested: readonly string[], client: AppClient, servers: readonly ResourceServer[]): string[] | undefined {
  const wanted = requested.length > 0 ? requested : client.AllowedOAuthScopes;
  if (wanted.some((s) => !client.AllowedOAuthScopes.includes(s))) return undefined;
  // email / phone / profile only mean something with openid
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
  if (!wanted.includes('openid') && wanted.some((s) => ['email', 'phone', 'profile'].includes(s))) return undefined;
  return wanted.filter((s) => scopeExists(s, servers));
}

/**
 * client_credentials: custom scopes only; omitted = all the client's custom scopes
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html).
 */
export function grantClientScopes(
  requested: readonly string[],
  client: AppClient,
  servers: readonly ResourceServer[],
): string[] | undefined {
  const allowed = client.AllowedOAuthScopes.filter((s) => isCustomScope(s) && scopeExists(s, servers));
  const wanted = requested.length > 0 ? requested : allowed;
  if (wanted.length === 0 || wanted.some((s) => !allowed.includes(s))) return undefined;
  return [...wanted];
}
