import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { identifier, resourceServerOrThrow } from './resource-server-input.js';

export const deleteResourceServer: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const id = identifier(input);
    resourceServerOrThrow(store.getResourceServer(pool.Id, id), id);
    await store.deleteResourceServer(pool.Id, id);
    return {};
  };
