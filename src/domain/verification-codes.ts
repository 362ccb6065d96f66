// Pending one-time codes of the self-service flows: sign-up confirmation, password reset and
// attribute verification. Six digits like Cognito's; they live in memory only (a restart forgets
// them, as the emulator sends nothing that could carry them anywhere else). One pending code per
// user and purpose: a new one replaces the old, as ResendConfirmationCode does in Cognito.
import { randomInt } from 'node:crypto';
import { SharedMaps, type SharedMap } from './shared-map.js';

export type CodePurpose = 'signUp' | 'resetPassword' | `verify:${string}`;

/** Confirmation and attribute codes last 24 h, reset codes 1 h (Cognito developer guide). */
export const CONFIRMATION_CODE_TTL_MS = 24 * 3600_000;
export const RESET_CODE_TTL_MS = 3600_000;
/** Expired codes are kept this long so a late attempt gets ExpiredCodeException, not a mismatch. */
const KEEP_EXPIRED_MS = 24 * 3600_000;

interface PendingCode {
  code: string;
  expiresAt: number;
  /** The attribute the code was sent to (email / phone_number), verified when the code is used. */
  attribute: string | undefined;
}

export type CodeCheck = { ok: true; attribute: string | undefined } | { ok: false; problem: 'mismatch' | 'expired' | 'none' };

const userKey = (userPoolId: string, username: string) => `${userPoolId}\u0000${username}\u0000`;

export class VerificationCodes {
  /** `pool \0 username \0 purpose` → the pending code (shared between replicas). */
  private readonly pending: SharedMap<PendingCode>;

  constructor(
    private readonly now: () => number,
    maps?: SharedMaps,
  ) {
    this.pending = (maps ?? new SharedMaps()).map('verificationCodes');
  }

  issue(userPoolId: string, username: string, purpose: CodePurpose, ttlMs: number, attribute?: string): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.pending.set(userKey(userPoolId, username) + purpose, { code, expiresAt: this.now() + ttlMs, attribute });
    return code;
  }

  /** Checks a code; a correct, unexpired one is used up (once, across replicas too). */
  async check(userPoolId: string, username: string, purpose: CodePurpose, code: string): Promise<CodeCheck> {
    const key = userKey(userPoolId, username) + purpose;
    const entry = this.pending.get(key);
    if (!entry) return { ok: false, problem: 'none' };
    if (entry.code !== code) return { ok: false, problem: 'mismatch' };
    if (entry.expiresAt <= this.now()) return { ok: false, problem: 'expired' };
    // Taken by a concurrent request with the same code: for this one the code is gone.
    if ((await this.pending.take(key)) === undefined) return { ok: false, problem: 'none' };
    return { ok: true, attribute: entry.attribute };
  }

  forget(userPoolId: string, username: string, purpose?: CodePurpose): void {
    const key = userKey(userPoolId, username);
    if (purpose !== undefined) {
      this.pending.delete(key + purpose);
      return;
    }
    for (const k of [...this.pending.keys()]) if (k.startsWith(key)) this.pending.delete(k);
  }

  /** Every replica purges by the same clock, so a purge is not sent to the others. */
  purge(): void {
    const cutoff = this.now() - KEEP_EXPIRED_MS;
    for (const [key, entry] of [...this.pending.entries()]) if (entry.expiresAt <= cutoff) this.pending.drop(key);
  }

  clear(): void {
    this.pending.clear();
  }
}
