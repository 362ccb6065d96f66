// Pending one-time codes of the self-service flows: sign-up confirmation, password reset and
// attribute verification. Six digits like Cognito's; they live in memory only (a restart forgets
// them, as the emulator sends nothing that could carry them anywhere else). One pending code per
// user and purpose: a new one replaces the old, as ResendConfirmationCode does in Cognito.
import { randomInt } from 'node:crypto';

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

const userKey = (userPoolId: string, username: string) => `${userPoolId}\u0000${username}`;

export class VerificationCodes {
  private readonly pending = new Map<string, Map<CodePurpose, PendingCode>>();

  constructor(private readonly now: () => number) {}

  issue(userPoolId: string, username: string, purpose: CodePurpose, ttlMs: number, attribute?: string): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const key = userKey(userPoolId, username);
    let codes = this.pending.get(key);
    if (!codes) this.pending.set(key, (codes = new Map()));
    codes.set(purpose, { code, expiresAt: this.now() + ttlMs, attribute });
    return code;
  }

  /** Checks a code; a correct, unexpired one is used up. */
  check(userPoolId: string, username: string, purpose: CodePurpose, code: string): CodeCheck {
    const codes = this.pending.get(userKey(userPoolId, username));
    const entry = codes?.get(purpose);
    if (!codes || !entry) return { ok: false, problem: 'none' };
    if (entry.code !== code) return { ok: false, problem: 'mismatch' };
    if (entry.expiresAt <= this.now()) return { ok: false, problem: 'expired' };
    codes.delete(purpose);
    return { ok: true, attribute: entry.attribute };
  }

  forget(userPoolId: string, username: string, purpose?: CodePurpose): void {
    const key = userKey(userPoolId, username);
    if (purpose === undefined) this.pending.delete(key);
    else this.pending.get(key)?.delete(purpose);
  }

  purge(): void {
    const cutoff = this.now() - KEEP_EXPIRED_MS;
    for (const [key, codes] of this.pending) {
      for (const [purpose, entry] of codes) if (entry.expiresAt <= cutoff) codes.delete(purpose);
      if (codes.size === 0) this.pending.delete(key);
    }
  }

  clear(): void {
    this.pending.clear();
  }
}
