// Client authentication at the token and revoke endpoints: client_secret_basic or
// client_secret_post (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html). Confidential clients must
// authenticate.
import type { AppClient } from '../domain/model.js';
import { hasSecret, isClientSecret } from '../domain/client-secrets.js';
import type { Store } from '../store/store.js';
import { OAuthError } from '../errors/oauth-error.js';

export interface ClientCredentials {
  clientId?: string;
  clientSecret?: string;
}

/**
 * RFC 6749 §2.3.1 form-encodes id and secret inside Basic, but many clients (curl -u, axios) send them
 * raw. Cognito ids and secrets are `[\w+]+` (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html), so
 * only a value with `%` escapes is
 * decoded: a raw "+" stays a "+" and an encoded one (%2B) becomes one.
 */
const formDecode = (value: string): string => (value.includes('%') ? decodeURIComponent(value.replaceAll('+', ' ')) : value);

/** Reads `Authorization: Basic` (RFC 6749 §2.3.1: form-urlencoded id and secret) and body params. */
export function readClientCredentials(authorization: string | undefined, body: Record<string, unknown>, status = 400): ClientCredentials {
  const bodyId = typeof body.client_id === 'string' ? body.client_id : undefined;
  const bodySecret = typeof body.client_secret === 'string' ? body.client_secret : undefined;
  if (authorization === undefined)
    return { ...(bodyId !== undefined ? { clientId: bodyId } : {}), ...(bodySecret ? { clientSecret: bodySecret } : {}) };
  const match = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(authorization);
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_client', undefined, status);
  let clientId: string, clientSecret: string;
  try {
    clientId = formDecode(decoded.slice(0, colon));
    clientSecret = formDecode(decoded.slice(colon + 1));
  } catch {
    throw new OAuthError('invalid_client', undefined, status);
  }
  if (bodyId !== undefined && bodyId !== clientId) throw new OAuthError('invalid_client', undefined, status);
  return { clientId, clientSecret };
}

/** The authenticated client, or invalid_client (unknown client, missing or wrong secret). */
export function authenticateClient(store: Store, creds: ClientCredentials, status = 400): AppClient {
  const client = creds.clientId !== undefined && creds.clientId.length <= 128 ? store.getClient(creds.clientId) : undefined;
  if (!client) throw new OAuthError('invalid_client', undefined, status);
  if (hasSecret(client)) {
    // Either of a client's two secrets (AddUserPoolClientSecret) authenticates it.
    if (creds.clientSecret === undefined || !isClientSecret(client, creds.clientSecret)) {
      throw new OAuthError('invalid_client', undefined, status);
    }
  } else if (creds.clientSecret !== undefined && creds.clientSecret !== '') {
    // A public client sending an empty client_secret still succeeds
    // (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html); a non-empty one cannot match.
    throw new OAuthError('invalid_client', undefined, status);
  }
  return client;
}
