// Per pool: an RS256 key for ID tokens, a different one for access tokens (both published in the
// JWKS, public parts only) and an RSA key for refresh-token encryption
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html).
// Keys come from the fixture's SigningKeys, else from the store (DATA_FILE, PostgreSQL), else are
// the pool's public test keys (test-keys.ts), and are stored.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { PoolKeys, PrivateJwk } from '../domain/model.js';
import type { Store } from '../store/store.js';
import { OpenedTokens } from './opened-tokens.js';
import { testPoolKeys } from './test-keys.js';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** base64url of the protected header, exactly {"kid":…,"alg":"RS256"}: the same for every token. */
  encodedHeader: string;
}

export interface PoolKeyring {
  id: SigningKey;
  access: SigningKey;
  /** `opened` lives and dies with the key: new keys never see tokens opened with old ones. */
  refresh: { publicKey: KeyObject; privateKey: KeyObject; opened: OpenedTokens };
  /** The serialised JWKS document, built once. */
  jwksJson: string;
}

/** Cognito kids are base64 (standard alphabet) of 32 bytes: 44 chars. We hash the modulus. */
export function kidOf(jwk: PrivateJwk): string {
  return jwk.kid ?? createHash('sha256').update(jwk.n).digest('base64');
}

function publicJwk(jwk: PrivateJwk): Record<string, string> {
  // Exactly Cognito's six members, alphabetical, no x5c
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html).
  return { alg: 'RS256', e: jwk.e, kid: kidOf(jwk), kty: 'RSA', n: jwk.n, use: 'sig' };
}

function toKeyring(keys: PoolKeys): PoolKeyring {
  const signing = (jwk: PrivateJwk): SigningKey => {
    const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
    const kid = kidOf(jwk);
    const encodedHeader = Buffer.from(JSON.stringify({ kid, alg: 'RS256' })).toString('base64url');
    return { kid, privateKey, publicKey: createPublicKey(privateKey), encodedHeader };
  };
  const refreshPrivate = createPrivateKey({ key: keys.RefreshToken as never, format: 'jwk' });
  return {
    id: signing(keys.IdToken),
    access: signing(keys.AccessToken),
    refresh: { privateKey: refreshPrivate, publicKey: createPublicKey(refreshPrivate), opened: new OpenedTokens() },
    jwksJson: JSON.stringify({ keys: [publicJwk(keys.IdToken), publicJwk(keys.AccessToken)] }),
  };
}

/** Imported keys per pool, cached: key import and JWKS serialisation happen once, not per request. */
export class Keys {
  private readonly rings = new Map<string, PoolKeyring>();

  constructor(private readonly store: Store) {}

  /** Loads a pool's keys: `given` (the fixture's SigningKeys), else stored, else its test keys; stores them. */
  async load(userPoolId: string, given?: PoolKeys): Promise<void> {
    const stored = this.store.getKeys(userPoolId);
    const keys = given ?? stored ?? (await testPoolKeys(userPoolId));
    if (keys !== stored && !sameKeys(keys, stored)) await this.store.putKeys(userPoolId, keys);
    this.rings.set(userPoolId, toKeyring(keys));
  }

  /** Loads a pool's keys if they are not loaded yet (a pool created through the API is usable at once). */
  async ensure(userPoolId: string): Promise<PoolKeyring> {
    if (!this.rings.has(userPoolId)) await this.load(userPoolId);
    const ring = this.rings.get(userPoolId);
    if (!ring) throw new Error(`no keys for pool ${userPoolId}`);
    return ring;
  }

  /**
   * The keyring of a pool whose keys were loaded (every existing pool's are), or whose keys are in
   * the store (put there by another replica).
   */
  get(userPoolId: string): PoolKeyring | undefined {
    let ring = this.rings.get(userPoolId);
    if (!ring) {
      const stored = this.store.getKeys(userPoolId);
      if (stored) {
        ring = toKeyring(stored);
        this.rings.set(userPoolId, ring);
      }
    }
    return ring;
  }

  forget(userPoolId: string): void {
    this.rings.delete(userPoolId);
  }
}

const sameKeys = (a: PoolKeys, b: PoolKeys | undefined) =>
  b !== undefined && a.IdToken.n === b.IdToken.n && a.AccessToken.n === b.AccessToken.n && a.RefreshToken.n === b.RefreshToken.n;
