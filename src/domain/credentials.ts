// Password checks. Fixture passwords stay in memory only (the fixture file is re-read at every
// start), so seeding 100k users costs no hashing and the data file never holds a plain password;
// a password set through the emulator is stored as a salted scrypt hash.
import type { User } from './model.js';
import { hashPassword, safeEqual, verifyPassword } from './passwords.js';

const key = (user: Pick<User, 'UserPoolId' | 'Username'>) => `${user.UserPoolId}\u0000${user.Username}`;

export class Credentials {
  private readonly fixturePasswords = new Map<string, string>();

  /** Seeding: the fixture's password replaces any stored hash. */
  useFixturePassword(user: User, password: string): void {
    this.fixturePasswords.set(key(user), password);
    delete user.PasswordHash;
  }

  async verify(user: User, password: string): Promise<boolean> {
    const fromFixture = this.fixturePasswords.get(key(user));
    if (fromFixture !== undefined) return safeEqual(fromFixture, password);
    return user.PasswordHash !== undefined && (await verifyPassword(password, user.PasswordHash));
  }

  /** Sets a new password on the record (the caller persists it). */
  async setPassword(user: User, password: string): Promise<void> {
    user.PasswordHash = await hashPassword(password);
    this.fixturePasswords.delete(key(user));
  }

  forget(user: Pick<User, 'UserPoolId' | 'Username'>): void {
    this.fixturePasswords.delete(key(user));
  }

  clear(): void {
    this.fixturePasswords.clear();
  }
}
