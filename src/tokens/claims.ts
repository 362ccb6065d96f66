// Cognito-shaped claim sets
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html,
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html).
// Framework-free: the issuer signs what these build.
import { createHash } from 'node:crypto';
import type { AppClient, User } from '../domain/model.js';
import { identitiesClaim } from '../domain/federated-identities.js';

/** How the tokens were obtained: the OAuth endpoints and the JSON API shape them differently. */
export type Channel = 'oauth' | 'api';

export interface SessionFacts {
  issuer: string;
  client: AppClient;
  user: User;
  scopes: readonly string[];
  authTime: number; // epoch seconds
  iat: number; // epoch seconds
  originJti: string;
  eventId: string;
  channel: Channel;
  nonce?: string;
  /** The tracked device the sign-in was made on (pools that track devices). */
  deviceKey?: string;
}

const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

/** Attributes the client may read (all when ReadAttributes is not set), `sub` excluded. */
export function readableAttributes(user: User, client: AppClient): Array<[string, string]> {
  const allowed = client.ReadAttributes;
  return Object.entries(user.Attributes).filter(
    ([name]) => name !== 'sub' && (allowed === undefined || allowed.length === 0 || allowed.includes(name)),
  );
}

/** at_hash: base64url of the left half of SHA-256 of the access token (OIDC Core §3.1.3.6). */
export function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

export function idTokenClaims(f: SessionFacts, lifetime: number, jti: string, accessToken?: string): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  // at_hash only in tokens from the OAuth endpoints, never API-issued ones
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html).
  if (f.channel === 'oauth' && accessToken !== undefined) claims.at_hash = atHash(accessToken);
  claims.sub = f.user.Attributes.sub;
  if (f.user.Groups.length > 0) claims['cognito:groups'] = [...f.user.Groups];
  for (const [name, value] of readableAttributes(f.user, f.client)) {
    // *_verified are booleans in ID tokens (strings in userInfo); custom:* stay strings; address is
    // the OIDC address claim, a JSON object whose `formatted` member is the stored text;
    // identities is an array (see domain/federated-identities.ts).
    claims[name] = BOOLEAN_ATTRIBUTES.has(name)
      ? value === 'true'
      : name === 'address'
        ? { formatted: value }
        : name === 'identities'
          ? identitiesClaim(value)
          : value;
  }
  Object.assign(claims, {
    iss: f.issuer,
    'cognito:username': f.user.Username,
    ...(f.nonce !== undefined ? { nonce: f.nonce } : {}),
    origin_jti: f.originJti,
    aud: f.client.ClientId,
    event_id: f.eventId,
    token_use: 'id',
    auth_time: f.authTime,
    exp: f.iat + lifetime,
    iat: f.iat,
    jti,
  });
  return claims;
}

export function accessTokenClaims(f: SessionFacts, lifetime: number, jti: string): Record<string, unknown> {
  return {
    sub: f.user.Attributes.sub,
    // Right after sub in captured access tokens of pools that track devices; never in ID tokens.
    ...(f.deviceKey !== undefined ? { device_key: f.deviceKey } : {}),
    ...(f.user.Groups.length > 0 ? { 'cognito:groups': [...f.user.Groups] } : {}),
    iss: f.issuer,
    // version 2 only in tokens from the OAuth endpoints
    // (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html); no aud without
    // resource binding.
    ...(f.channel === 'oauth' ? { version: 2 } : {}),
    client_id: f.client.ClientId,
    origin_jti: f.originJti,
    event_id: f.eventId,
    token_use: 'access',
    scope: f.scopes.join(' '),
    auth_time: f.authTime,
    exp: f.iat + lifetime,
    iat: f.iat,
    jti,
    username: f.user.Username,
  };
}

/**
 * client_credentials tokens: sub = client_id, no username, groups, origin_jti or aud
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html).
 */
export function clientCredentialsClaims(
  issuer: string,
  client: AppClient,
  scopes: readonly string[],
  iat: number,
  lifetime: number,
  jti: string,
): Record<string, unknown> {
  return {
    sub: client.ClientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: iat,
    iss: issuer,
    exp: iat + lifetime,
    iat,
    version: 2,
    jti,
    client_id: client.ClientId,
  };
}
