// Per pool: an RS256 key for ID tokens, a different one for access tokens (both published in the
// JWKS, public parts only) and an RSA key for refresh-token encryption (reference §5.1, §8.2).
// Keys come from the fixture's SigningKeys, else from the store (DATA_FILE), else are generated
// off the event loop and stored (without holding up start-up: see Keys).
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

/** Where generated keys come from: the CLI's KeySupply (started before the emulator loads), else generateJwk. */
export interface KeySource {
  take(): Promise<PrivateJwk> | undefined;
}

/** A pool's three keys, taken from the source when there is one. */
export async function generatePoolKeys(supply?: KeySource): Promise<PoolKeys> {
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

/**
 * Imported keys per pool, cached: key import and JWKS serialisation happen once, not per request.
 * Keys that must be generated are not waited for while the emulator is built: three 2048-bit RSA
 * keys take 200-400 ms on two cores, more than the rest of start-up together (bench/, issue 6), so
 * generation runs on libuv's thread pool while the server is built and starts listening. A request
 * that needs a pool's keys before they exist (JWKS, signing, verifying) waits for them in get(), and
 * /health answers 200 only once all keys exist (ready()), as the contract says (design.md §1.3).
 */
export class Keys {
  private readonly rings = new Map<string, Promise<PoolKeyring>>();
  /** Generations under way, by pool. */
  private readonly generating = new Map<string, Promise<PoolKeyring>>();

  constructor(
    private readonly store: Store,
    private readonly supply?: KeySource,
  ) {}

  /**
   * Loads a pool's keys: `given` (the fixture's SigningKeys), else stored (DATA_FILE), else
   * generated. Resolves once given or stored keys are in place; generation is only started.
   */
  async load(userPoolId: string, given?: PoolKeys): Promise<void> {
    const stored = this.store.getKeys(userPoolId);
    const keys = given ?? stored;
    if (!keys) {
      // Loaded again before its keys exist (a reset right after start): the generation under way serves.
      const pending = this.generating.get(userPoolId);
      if (pending) this.rings.set(userPoolId, pending);
      else this.startGenerating(userPoolId);
      return;
    }
    if (keys !== stored) await this.store.putKeys(userPoolId, keys);
    this.rings.set(userPoolId, Promise.resolve(toKeyring(keys)));
  }

  /** Loads a pool's keys and waits until they exist (a pool created through the API is usable at once). */
  async ensure(userPoolId: string): Promise<PoolKeyring> {
    await this.load(userPoolId);
    const ring = this.rings.get(userPoolId);
    if (!ring) throw new Error(`no keys for pool ${userPoolId}`);
    return ring;
  }

  /** The keyring of a pool whose keys were loaded (every existing pool's are); waits for generation. */
  get(userPoolId: string): Promise<PoolKeyring> | undefined {
    return this.rings.get(userPoolId);
  }

  forget(userPoolId: string): void {
    this.rings.delete(userPoolId);
  }

  /** Resolves once every pool's keys exist; rejects if a generation failed. */
  async ready(): Promise<void> {
    await Promise.all(this.rings.values());
  }

  /** Waits until keys being generated are stored (before the store's last write at shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled(this.generating.values());
  }

  private startGenerating(userPoolId: string): void {
    const ring: Promise<PoolKeyring> = generatePoolKeys(this.supply).then(async (keys) => {
      // A pool deleted (or reset to other keys) meanwhile must not get these written back.
      if (this.rings.get(userPoolId) === ring) await this.store.putKeys(userPoolId, keys);
      return toKeyring(keys);
    });
    this.rings.set(userPoolId, ring);
    this.generating.set(userPoolId, ring);
    // Whoever awaits the ring sees a failure; nobody awaiting it must not crash the process.
    ring.catch(() => undefined).finally(() => this.generating.delete(userPoolId));
  }
}
