// Refresh tokens are compact JWEs shaped like Cognito's: header exactly
// {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html), so they begin
// `eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.`. The encrypted payload carries
// everything a refresh needs, so nothing per token is stored; revocation is by origin_jti.
import { jose } from '../crypto/jose.js';
import type { KeyObject } from 'node:crypto';
import type { Channel } from './claims.js';

export interface RefreshState {
  v: 1;
  pool: string;
  client_id: string;
  username: string;
  sub: string;
  origin_jti: string;
  event_id: string;
  auth_time: number;
  scope: string[];
  channel: Channel;
  iat: number;
  exp: number;
  jti: string;
  /** The device the sign-in was made on: refreshed access tokens carry it too. */
  device_key?: string;
}

const HEADER = { cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' } as const;
const PREFIX = `${Buffer.from(JSON.stringify(HEADER)).toString('base64url')}.`;
const encoder = new TextEncoder();

export function looksLikeRefreshToken(token: string): boolean {
  return token.startsWith(PREFIX) && token.split('.').length === 5;
}

export async function sealRefreshToken(state: RefreshState, key: KeyObject): Promise<string> {
  const { CompactEncrypt } = await jose();
  return new CompactEncrypt(encoder.encode(JSON.stringify(state))).setProtectedHeader(HEADER).encrypt(key);
}

/** The state inside a refresh token of this pool, or undefined for anything else (forged, other pool, garbage). */
export async function openRefreshToken(token: string, key: KeyObject): Promise<RefreshState | undefined> {
  if (token.length > 8192 || !looksLikeRefreshToken(token)) return undefined;
  const { compactDecrypt } = await jose();
  try {
    const { plaintext } = await compactDecrypt(token, key, {
      keyManagementAlgorithms: ['RSA-OAEP'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const state = JSON.parse(new TextDecoder().decode(plaintext)) as RefreshState;
    return state.v === 1 ? state : undefined;
  } catch {
    return undefined;
  }
}
