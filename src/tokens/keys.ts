// Per pool: an RS256 key for ID tokens, a different one for access tokens (both published in the
// JWKS, public parts only) and an RSA key for refresh-token encryption (reference §5.1, §8.2).
// Keys come from the fixture's SigningKeys, else from the store (DATA_FILE), else are generated
// off the event loop and stored.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { PoolKeys, PrivateJwk } from '../domain/model.js';
import type { Store } from '../store/store.js';
import { OpenedTokens } from './opened-tokens.js';

const generateKeyPairAsync = promisify(generateKeyPair);

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

export async function generateJwk(): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  return privateKey.export({ format: 'jwk' }) as PrivateJwk;
}

/** A pool's three keys, taken from keys generated ahead when there are any left. */
export async function generatePoolKeys(supply?: { take(): Promise<PrivateJwk> | undefined }): Promise<PoolKeys> {
  const next = () => supply?.take() ?? generateJwk();
  const [IdToken, AccessToken, RefreshToken] = await Promise.all([next(), next(), next()]);
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
  private readonly cache = new Map<string, PoolKeyring>();

  constructor(
    private readonly store: Store,
    private readonly supply?: { take(): Promise<PrivateJwk> | undefined },
  ) {}

  /** Makes sure the pool has keys (stored or generated) and caches them. */
  async ensure(userPoolId: string, given?: PoolKeys): Promise<PoolKeyring> {
    let keys = given ?? this.store.getKeys(userPoolId);
    if (!keys) keys = await generatePoolKeys(this.supply);
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
