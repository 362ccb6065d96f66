// USER_SRP_AUTH's state between InitiateAuth and RespondToAuthChallenge. Its PASSWORD_VERIFIER
// challenge has no Session: the state travels in SECRET_BLOCK, encrypted with AES-256-GCM under a
// key the emulator keeps to itself (one per process, or one per database shared by every replica)
// and echoed back by the client. (Challenges that do carry a Session live in sign-in-challenges.ts.)
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { ExpiringMap } from '../domain/expiring-map.js';
import type { AppClient } from '../domain/model.js';
import type { SharedMaps } from '../domain/shared-map.js';

/** The keys sealing SECRET_BLOCKs and making decoy salts: random per process, or shared by replicas. */
export interface SrpSecrets {
  key: Buffer;
  decoyKey: Buffer;
}

/** What a SECRET_BLOCK carries (numbers as hex). */
export interface SrpState {
  userPoolId: string;
  clientId: string;
  /** The real username, or the login as sent when `decoy` (no such user / no verifier). */
  username: string;
  A: string;
  b: string;
  B: string;
  /** Epoch ms after which the block is refused. */
  expiresAt: number;
  /** Random id: each block answers one challenge only. */
  id: string;
  decoy: boolean;
}

const sessionLifetimeMs = (client: AppClient) => client.AuthSessionValidity * 60_000;

export class SrpBlocks {
  private readonly usedBlocks: ExpiringMap<true>;
  private readonly key: Buffer;
  private readonly decoyKey: Buffer;

  constructor(
    private readonly now: () => number,
    maps?: SharedMaps,
    secrets?: SrpSecrets,
  ) {
    this.usedBlocks = new ExpiringMap(now, maps?.map('usedSecretBlocks'));
    this.key = secrets?.key ?? randomBytes(32);
    this.decoyKey = secrets?.decoyKey ?? randomBytes(32);
  }

  srpExpiry(client: AppClient): number {
    return this.now() + sessionLifetimeMs(client);
  }

  sealSecretBlock(state: SrpState): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(state), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** The state in a SECRET_BLOCK; undefined when forged, from another process, expired or already used. */
  async takeSecretBlock(block: string): Promise<SrpState | undefined> {
    const raw = Buffer.from(block, 'base64');
    if (raw.length < 29 || block.length > 16384) return undefined;
    let state: SrpState;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      state = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as SrpState;
    } catch {
      return undefined;
    }
    if (state.expiresAt <= this.now()) return undefined;
    // Of two requests (on any replicas) answering with the same block, one gets it.
    return (await this.usedBlocks.setFirst(state.id, true, state.expiresAt)) ? state : undefined;
  }

  /** A salt for a user who cannot succeed, stable per login so that it looks like a stored one. */
  decoySalt(userPoolId: string, login: string): string {
    const bytes = createHmac('sha256', this.decoyKey).update(`${userPoolId}\u0000${login}`).digest().subarray(0, 16);
    return BigInt(`0x${bytes.toString('hex')}`).toString(16);
  }

  purge(): void {
    this.usedBlocks.purge();
  }

  clear(): void {
    this.usedBlocks.clear();
  }
}
