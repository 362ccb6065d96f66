// Password checks. Fixture passwords stay in memory only (the fixture file is re-read at every
// start), so seeding 100k users costs no hashing and the data file never holds a plain password;
// a password set through the emulator is stored as a salted scrypt hash plus an SRP salt and
// verifier (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html); fixture users
// get their SRP verifier derived on first use, in memory.
import { createHmac, randomBytes } from 'node:crypto';
import type { SrpVerifier, User } from './model.js';
import { hashPassword, safeEqual, verifyPassword } from './passwords.js';
import { createSrpVerifier } from './srp.js';

const key = (user: Pick<User, 'UserPoolId' | 'Username'>) => `${user.UserPoolId}\u0000${user.Username}`;
/**
 * SRP's "pool name": the part of the pool id after `_`
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html).
 */
export const srpPoolName = (userPoolId: string) => userPoolId.slice(userPoolId.indexOf('_') + 1);

/**
 * The PasswordHash of a user whose password was taken away (AdminDisableProviderForUser on a native
 * user): kept on the record, so it wins over a fixture password here and on every replica.
 */
export const NO_PASSWORD = 'none';

export class Credentials {
  private readonly fixturePasswords = new Map<string, string>();
  /** Derived from fixturePasswords, so each process keeps its own (a cache every replica rebuilds alike). */
  private readonly fixtureSrp = new Map<string, SrpVerifier>();

  /**
   * `saltKey` makes a fixture user's SRP salt: replicas share it (the database holds it), so the
   * salt one replica sends with its challenge is the salt of the verifier another checks the answer
   * against. Random per process otherwise.
   */
  constructor(private readonly saltKey: Buffer = randomBytes(32)) {}

  /** Seeding: the fixture's password replaces any stored hash. */
  useFixturePassword(user: User, password: string): void {
    this.fixturePasswords.set(key(user), password);
    this.fixtureSrp.delete(key(user));
    delete user.PasswordHash;
    delete user.Srp;
  }

  // A hash on the record wins over a fixture password: seeding removes the hash when it applies a
  // fixture password, and a password set at run time leaves one. Deciding by the record (not by
  // what this process remembers) keeps replicas agreeing about a password changed on another one.
  async verify(user: User, password: string): Promise<boolean> {
    if (user.PasswordHash === NO_PASSWORD) return false;
    if (user.PasswordHash !== undefined) return verifyPassword(password, user.PasswordHash);
    const fromFixture = this.fixturePasswords.get(key(user));
    return fromFixture !== undefined && safeEqual(fromFixture, password);
  }

  /** Whether the user has a password at all (passwordless users sign in with one-time codes). */
  hasPassword(user: User): boolean {
    if (user.PasswordHash === NO_PASSWORD) return false;
    return this.fixturePasswords.has(key(user)) || user.PasswordHash !== undefined;
  }

  /** Sets a new password on the record (the caller persists it). */
  async setPassword(user: User, password: string): Promise<void> {
    user.PasswordHash = await hashPassword(password);
    user.Srp = createSrpVerifier(srpPoolName(user.UserPoolId), user.Username, password);
    // The fixture password stays known: the hash on the record wins over it (verify), and a reset
    // made on another replica brings the fixture record back without one.
    this.fixtureSrp.delete(key(user));
  }

  /**
   * The user's SRP salt and verifier (they depend on the pool name and the real username).
   * Undefined for a user without a password, or with a hash stored before SRP verifiers were kept.
   */
  srpVerifier(user: User): SrpVerifier | undefined {
    if (user.PasswordHash === NO_PASSWORD) return undefined;
    if (user.PasswordHash !== undefined) return user.Srp;
    const password = this.fixturePasswords.get(key(user));
    if (password === undefined) return undefined;
    let verifier = this.fixtureSrp.get(key(user));
    if (!verifier) {
      const salt = createHmac('sha256', this.saltKey)
        .update(`${key(user)}\u0000${password}`)
        .digest()
        .subarray(0, 16)
        .toString('hex');
      verifier = createSrpVerifier(srpPoolName(user.UserPoolId), user.Username, password, salt);
      this.fixtureSrp.set(key(user), verifier);
    }
    return verifier;
  }

  /** A deleted user: only the derived verifier goes (the fixture password returns with a reset, here or on another replica). */
  forget(user: Pick<User, 'UserPoolId' | 'Username'>): void {
    this.fixtureSrp.delete(key(user));
  }

  clear(): void {
    this.fixturePasswords.clear();
    this.fixtureSrp.clear();
  }

  /** Nothing here expires. */
  purge(): void {}
}
