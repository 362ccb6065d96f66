// Per pool: an RS256 key for ID tokens, a different one for access tokens (both published in the
// JWKS, public parts only) and an RSA key for refresh-token encryption (reference §5.1, §8.2).
// Keys come from the fixture's SigningKeys, else from the store (DATA_FILE), else are generated
// off the event loop and stored.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { PoolKeys, PrivateJwk } from '../domain/model.js';
import type { Store } from '../store/store.js';

const generateKeyPairAsync = promisify(generateKeyPair);

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface PoolKeyring {
  id: SigningKey;
  access: SigningKey;
  refresh: { publicKey: KeyObject; privateKey: KeyObject };
  /** The serialised JWKS document, built once. */
  jwksJson: string;
}

export async function generateJwk(): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  return privateKey.export({ format: 'jwk' }) as PrivateJwk;
}

export async function generatePoolKeys(): Promise<PoolKeys> {
  const [IdToken, AccessToken, RefreshToken] = await Promise.all([generateJwk(), generateJwk(), generateJwk()]);
  return { IdToken, AccessToken, RefreshToken };
}

/** Cognito kids are base64 (standard alphabet) of 32 bytes: 44 chars. We hash the modulus. */
export function kidOf(jwk: PrivateJwk): string {
  return jwk.kid ?? createHash('sha256').update(jwk.n).digest('base64');
}

function publicJwk(jwk: PrivateJwk): Record<string, string> {
  // Exactly Cognito's six members, alphabetical, no x5c (reference §8.2).
  return { alg: 'RS256', e: jwk.e, kid: kidOf(jwk), kty: 'RSA', n: jwk.n, use: 'sig' };
}

function toKeyring(keys: PoolKeys): PoolKeyring {
  const signing = (jwk: PrivateJwk): SigningKey => {
    const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
    return { kid: kidOf(jwk), privateKey, publicKey: createPublicKey(privateKey) };
  };
  const refreshPrivate = createPrivateKey({ key: keys.RefreshToken as never, format: 'jwk' });
  return {
    id: signing(keys.IdToken),
    access: signing(keys.AccessToken),
    refresh: { privateKey: refreshPrivate, publicKey: createPublicKey(refreshPrivate) },
    jwksJson: JSON.stringify({ keys: [publicJwk(keys.IdToken), publicJwk(keys.AccessToken)] }),
  };
}

/** Imported keys per pool, cached: key import and JWKS serialisation happen once, not per request. */
export class Keys {
  private readonly cache = new Map<string, PoolKeyring>();

  constructor(private readonly store: Store) {}

  /** Makes sure the pool has keys (stored or generated) and caches them. */
  async ensure(userPoolId: string, given?: PoolKeys): Promise<PoolKeyring> {
    let keys = given ?? this.store.getKeys(userPoolId);
    if (!keys) keys = await generatePoolKeys();
    if (keys !== this.store.getKeys(userPoolId)) await this.store.putKeys(userPoolId, keys);
    const ring = toKeyring(keys);
    this.cache.set(userPoolId, ring);
    return ring;
  }

  /** The keyring of a pool whose keys were ensured (every existing pool's are). */
  get(userPoolId: string): PoolKeyring | undefined {
    return this.cache.get(userPoolId);
  }

  forget(userPoolId: string): void {
    this.cache.delete(userPoolId);
  }
}
