// Building and saving user records for the user operations. Records are replaced, never changed in
// place: the store's alias index compares the stored record with the new one.
import { randomInt, randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { User, UserPool } from '../domain/model.js';
import { passwordPolicyProblem } from '../domain/password-policy.js';
import { savePassword } from '../domain/users.js';
import { CognitoError } from '../errors/cognito-error.js';
import { aliasConflict, aliasExistsMessage, checkRequired } from './attribute-rules.js';

/** Cognito's Username pattern (API reference: `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`, no whitespace). */
const USERNAME_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

export function checkUsernameFormat(username: string): void {
  if (!USERNAME_PATTERN.test(username)) {
    throw new CognitoError(
      'InvalidParameterException',
      `1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression ` +
        `pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+`,
    );
  }
}

const looksLike = { email: (v: string) => v.includes('@'), phone_number: (v: string) => /^\+\d+$/.test(v) } as const;

const USERNAME_SHOULD_BE: Record<string, string> = {
  email: 'Username should be an email.',
  phone_number: 'Username should be a phone number.',
  'email,phone_number': 'Username should be either an email or a phone number.',
};

/**
 * The record of a new user. In pools with UsernameAttributes the name given is an email or phone
 * number, kept as that attribute, and the real Username is the new sub
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
 * `existsMessage` is the operation's own UsernameExistsException wording.
 */
export function newUserRecord(
  deps: Pick<Deps, 'clock' | 'store'>,
  pool: UserPool,
  given: string,
  attributes: Record<string, string>,
  existsMessage: string,
): User {
  checkUsernameFormat(given);
  const sub = randomUUID();
  const attrs: Record<string, string> = { sub, ...attributes };
  let username = given;
  if (pool.UsernameAttributes.length > 0) {
    const alias = pool.UsernameAttributes.find((a) => a in looksLike && looksLike[a as keyof typeof looksLike](given));
    if (!alias) {
      const key = [...pool.UsernameAttributes].sort().join(',');
      throw new CognitoError('InvalidParameterException', USERNAME_SHOULD_BE[key] ?? 'Username should be an email.');
    }
    attrs[alias] = given;
    username = sub;
  }
  checkRequired(pool, attrs);
  const now = deps.clock.now();
  const user: User = {
    UserPoolId: pool.Id,
    Username: username,
    Attributes: attrs,
    UserStatus: 'UNCONFIRMED',
    Enabled: true,
    Groups: [],
    UserCreateDate: now,
    UserLastModifiedDate: now,
  };
  checkNewUserIsFree(deps, pool, user, existsMessage);
  return user;
}

function checkNewUserIsFree(deps: Pick<Deps, 'store'>, pool: UserPool, user: User, existsMessage: string): void {
  if (deps.store.getUser(pool.Id, user.Username)) throw new CognitoError('UsernameExistsException', existsMessage);
  const conflict = aliasConflict(deps.store, pool, user.Username, user.Attributes);
  if (conflict)
    throw new CognitoError(
      pool.UsernameAttributes.includes(conflict) ? 'UsernameExistsException' : 'AliasExistsException',
      aliasExistsMessage(conflict),
    );
}

/**
 * Hashes the password, then checks again that the name is free before writing: two concurrent
 * creations of one username both pass the first check while hashing, and only one may win.
 */
export async function insertNewUser(
  deps: Pick<Deps, 'credentials' | 'store'>,
  pool: UserPool,
  user: User,
  password: string | undefined,
  existsMessage: string,
): Promise<User> {
  if (password !== undefined) await deps.credentials.setPassword(user, password);
  checkNewUserIsFree(deps, pool, user, existsMessage);
  await deps.store.putUser(user);
  return user;
}

/** Sets the password on the record as stored after hashing (domain/users.ts); UserNotFoundException if it was deleted meanwhile. */
export async function saveNewPassword(
  deps: Pick<Deps, 'clock' | 'credentials' | 'store'>,
  user: User,
  password: string,
  changes?: (current: User) => Partial<User>,
): Promise<User> {
  const saved = await savePassword(deps, user, password, changes);
  if (!saved) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  return saved;
}

/** Replaces the stored record with a changed copy and returns the copy. */
export async function saveUser(deps: Pick<Deps, 'clock' | 'store'>, user: User, changes: Partial<User>): Promise<User> {
  const updated: User = { ...user, Attributes: { ...user.Attributes }, ...changes, UserLastModifiedDate: deps.clock.now() };
  await deps.store.putUser(updated);
  return updated;
}

/** The pool's password policy (Cognito's default when it has none), as InvalidPasswordException. */
export function checkPasswordPolicy(password: string, pool: UserPool): void {
  const problem = passwordPolicyProblem(password, pool.Policies?.PasswordPolicy);
  if (problem) throw new CognitoError('InvalidPasswordException', problem);
}

/** A temporary password meeting any policy: every character class, at least the pool's minimum length. */
export function generateTemporaryPassword(pool: UserPool): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#$%&*+-=?@^_'];
  const all = sets.join('');
  const length = Math.max(12, pool.Policies?.PasswordPolicy?.MinimumLength ?? 0);
  const chars = [
    ...sets.map((s) => s[randomInt(s.length)]!),
    ...Array.from({ length: length - sets.length }, () => all[randomInt(all.length)]!),
  ];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
