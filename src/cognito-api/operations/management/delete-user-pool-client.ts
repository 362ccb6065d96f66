// DeleteUserPoolClient: the client and what hangs off it (cascade.ts).
import { requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { deleteClientAndState } from './cascade.js';

export const deleteUserPoolClient: Operation<'authorizationCodes' | 'federations' | 'signInChallenges' | 'store'> =
  (deps) => async (input) => {
    const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
    const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128), pool.Id);
    await deleteClientAndState(deps, pool, client.ClientId);
    return {};
  };
