// Cognito's password lockout (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html,
// DG-2023): after 5 consecutive failed sign-ins the
// user is locked for 1 s, doubling with each further failure up to about 15 minutes; sign-ins
// during the lock fail with "Password attempts exceeded" whatever the password. A success resets
// the count. Counters live in memory only (a restart forgets them; replicas share them) and follow
// the injected clock.
import type { User } from './model.js';
import { SharedMaps, type SharedMap } from './shared-map.js';

export const PASSWORD_ATTEMPTS_EXCEEDED = 'Password attempts exceeded';

const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 1000;
const MAX_LOCK_MS = 15 * 60 * 1000;

type Who = Pick<User, 'UserPoolId' | 'Username'>;
const key = (who: Who) => `${who.UserPoolId}\u0000${who.Username}`;

export class Lockout {
  private readonly counters: SharedMap<{ failures: number; lockedUntil: number }>;

  constructor(
    private readonly now: () => number,
    maps?: SharedMaps,
  ) {
    this.counters = (maps ?? new SharedMaps()).map('lockout');
  }

  isLocked(who: Who): boolean {
    const counter = this.counters.get(key(who));
    return counter !== undefined && counter.lockedUntil > this.now();
  }

  /** A wrong password (not an attempt refused because of the lock: those are not counted). */
  recordFailure(who: Who): void {
    const counter = { ...(this.counters.get(key(who)) ?? { failures: 0, lockedUntil: 0 }) };
    counter.failures += 1;
    if (counter.failures >= FREE_FAILURES) {
      const lockMs = Math.min(FIRST_LOCK_MS * 2 ** (counter.failures - FREE_FAILURES), MAX_LOCK_MS);
      counter.lockedUntil = this.now() + lockMs;
    }
    this.counters.set(key(who), counter);
  }

  recordSuccess(who: Who): void {
    this.counters.delete(key(who));
  }

  clear(): void {
    this.counters.clear();
  }

  /** Nothing here expires. */
  purge(): void {}
}
