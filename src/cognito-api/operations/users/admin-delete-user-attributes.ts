// AdminDeleteUserAttributes: removes attributes by name (attribute-delete.ts).
import { requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { attributeNamesToDelete, deleteAttributes } from './attribute-delete.js';

export const adminDeleteUserAttributes: Operation = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const user = userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
  await deleteAttributes(deps, pool, user, attributeNamesToDelete(input));
  return {};
};
