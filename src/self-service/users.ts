// Finding the user a self-service request names, with the client's existence-error setting:
// LEGACY clients say the user does not exist; ENABLED ones carry on as if it did.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
import type { Deps } from '../deps.js';
import type { AppClient, User, UserPool } from '../domain/model.js';
import { findSignInUser } from '../domain/users.js';
import { CognitoError } from '../errors/cognito-error.js';

/** Cognito's answer for an unknown user in the client-scoped operations (LEGACY existence errors). */
export const userNotFound = () => new CognitoError('UserNotFoundException', 'Username/client id combination not found.');

/** The user, or undefined when the client hides user existence (PreventUserExistenceErrors ENABLED). */
export function selfServiceUser(deps: Pick<Deps, 'store'>, pool: UserPool, client: AppClient, login: string): User | undefined {
  const user = findSignInUser(deps.store, pool, login);
  if (user) return user;
  if (client.PreventUserExistenceErrors === 'ENABLED') return undefined;
  throw userNotFound();
}
