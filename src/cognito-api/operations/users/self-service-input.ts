// Common steps of the unsigned, client-scoped operations (SignUp, ConfirmSignUp, ForgotPassword, …):
// find the app client, check SECRET_HASH
// (https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash),
// find the user.
import type { Deps } from '../../../deps.js';
import { selfServiceUser as findUser } from '../../../self-service/users.js';
import type { AppClient, User, UserPool } from '../../../domain/model.js';
import { optionalString, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Input } from '../../operation.js';
import { checkSecretHash } from '../../secret-hash.js';

export interface SelfServiceCall {
  client: AppClient;
  pool: UserPool;
  /** The username as the caller sent it (maybe an email alias): the one SECRET_HASH is over. */
  username: string;
}

export function selfServiceCall(deps: Pick<Deps, 'store'>, input: Input): SelfServiceCall {
  const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128));
  const pool = poolOrThrow(deps.store, client.UserPoolId);
  const username = requiredString(input, 'Username', 128);
  checkSecretHash(client, username, optionalString(input, 'SecretHash', 128));
  return { client, pool, username };
}

/** The user, or undefined when the client hides user existence (PreventUserExistenceErrors ENABLED). */
export function selfServiceUser(deps: Pick<Deps, 'store'>, call: SelfServiceCall): User | undefined {
  return findUser(deps, call.pool, call.client, call.username);
}
