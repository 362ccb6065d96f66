// Finding the user someone signs in as: by username, or by an email / phone / preferred_username
// alias when the pool signs users in that way
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html USER_ID_FOR_SRP).
import type { Clock } from '../clock.js';
import type { Credentials } from './credentials.js';
import type { User, UserPool } from './model.js';

/** The user records these helpers read and write: the Store (src/store/store.ts) is one. */
export interface UserRecords {
  getUser(userPoolId: string, username: string): User | undefined;
  findUserByAttribute(userPoolId: string, name: string, value: string): User | undefined;
  putUser(user: User): Promise<void>;
}

export function findSignInUser(store: UserRecords, pool: UserPool, login: string): User | undefined {
  const direct = store.getUser(pool.Id, login);
  if (direct) return direct;
  const aliases = [...pool.UsernameAttributes, ...pool.AliasAttributes];
  for (const name of aliases) {
    const found = store.findUserByAttribute(pool.Id, name, login);
    if (found) return found;
  }
  return undefined;
}

/**
 * Sets a user's password and saves the record. Hashing takes tens of milliseconds, so the new hash
 * is applied to the record as stored once it is ready: a change made meanwhile (an attribute
 * update) is kept, and a user deleted meanwhile stays deleted (undefined is returned).
 */
export async function savePassword(
  deps: { store: UserRecords; credentials: Credentials; clock: Clock },
  user: User,
  password: string,
  changes: (current: User) => Partial<User> = () => ({}),
): Promise<User | undefined> {
  const hashed: User = { ...user };
  await deps.credentials.setPassword(hashed, password);
  const current = deps.store.getUser(user.UserPoolId, user.Username);
  if (!current) return undefined;
  const updated: User = { ...current, Attributes: { ...current.Attributes }, ...changes(current), UserLastModifiedDate: deps.clock.now() };
  if (hashed.PasswordHash !== undefined) updated.PasswordHash = hashed.PasswordHash;
  if (hashed.Srp !== undefined) updated.Srp = hashed.Srp;
  await deps.store.putUser(updated);
  return updated;
}

/** Applies `changes` to the user as stored now and saves it; undefined when the user is gone. */
export async function saveUserChanges(
  deps: { store: UserRecords; clock: Clock },
  user: User,
  changes: (current: User) => Partial<User>,
): Promise<User | undefined> {
  const current = deps.store.getUser(user.UserPoolId, user.Username);
  if (!current) return undefined;
  const updated: User = { ...current, Attributes: { ...current.Attributes }, ...changes(current), UserLastModifiedDate: deps.clock.now() };
  await deps.store.putUser(updated);
  return updated;
}
