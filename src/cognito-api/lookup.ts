// Lookups that fail with Cognito's exceptions
// (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
import type { AppClient, User, UserPool } from '../domain/model.js';
import { CognitoError } from '../errors/cognito-error.js';
import type { Store } from '../store/store.js';
import { findSignInUser } from '../domain/users.js';
import { requiredString } from './input.js';
import type { Input } from './operation.js';

export function poolOrThrow(store: Store, userPoolId: string): UserPool {
  const pool = store.getPool(userPoolId);
  if (!pool) throw new CognitoError('ResourceNotFoundException', `User pool ${userPoolId} does not exist.`);
  return pool;
}

export function clientOrThrow(store: Store, clientId: string, userPoolId?: string): AppClient {
  const client = store.getClient(clientId);
  if (!client || (userPoolId !== undefined && client.UserPoolId !== userPoolId)) {
    throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  }
  return client;
}

/** By username, or by email / phone alias in pools that sign users in with those. */
export function userOrThrow(store: Store, pool: UserPool, username: string): User {
  const user = findSignInUser(store, pool, username);
  if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  return user;
}

/** The pool and user an Admin* request names: UserPoolId first, then Username in that pool. */
export function namedUser(store: Store, input: Input): { pool: UserPool; user: User } {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  return { pool, user: userOrThrow(store, pool, requiredString(input, 'Username', 128)) };
}
