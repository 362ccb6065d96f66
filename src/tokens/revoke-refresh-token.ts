// Revoking a refresh token, shared by /oauth2/revoke and the JSON API's RevokeToken
// (https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html):
// the token's family (origin_jti) is remembered as revoked until its tokens expire, which stops
// the refresh token and every access / ID token of that sign-in. Each caller maps the outcome to
// its own wire error.
import { jose } from '../crypto/jose.js';
import type { AppClient } from '../domain/model.js';
import type { Store } from '../store/store.js';
import type { TokenIssuer } from './token-issuer.js';

/** unknown: garbage, another pool's or already forgotten — Cognito answers those with success. */
export type RevokeOutcome = 'revoked' | 'unknown' | 'not-a-refresh-token' | 'other-client';

export async function revokeRefreshToken(
  token: string,
  client: AppClient,
  deps: { tokens: TokenIssuer; store: Store },
): Promise<RevokeOutcome> {
  // A JWT (access or ID token) is not revocable on its own; undecodable garbage is just unknown.
  if (await isJwt(token)) return 'not-a-refresh-token';
  const state = await deps.tokens.readRefreshToken(client.UserPoolId, token);
  if (!state) return 'unknown';
  if (state.client_id !== client.ClientId) return 'other-client';
  await deps.store.revokeOrigin(state.origin_jti, state.exp * 1000);
  return 'revoked';
}

async function isJwt(token: string): Promise<boolean> {
  const { decodeJwt } = await jose();
  try {
    decodeJwt(token);
    return true;
  } catch {
    return false;
  }
}
