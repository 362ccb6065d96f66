import { requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';

export const deleteUserPoolClient: Operation<'store'> = ({ store }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  const client = clientOrThrow(store, requiredString(input, 'ClientId', 128), pool.Id);
  await store.deleteClient(client.ClientId);
  return {};
};
