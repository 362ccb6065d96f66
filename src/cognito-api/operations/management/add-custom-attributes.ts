// AddCustomAttributes: new custom attributes (names given without the `custom:` prefix), checked as
// CreateUserPool's Schema is; all or nothing. Existing attributes cannot be changed or removed.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddCustomAttributes.html
import type { AddCustomAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { invalid, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { parseSchema } from './schema-input.js';

export const addCustomAttributes: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const list = input.CustomAttributes;
    if (list === undefined || list === null) throw invalid('CustomAttributes', list, 'Member must not be null');
    if (!Array.isArray(list) || list.length < 1 || list.length > 25) {
      throw invalid('CustomAttributes', '[...]', 'Member must have length less than or equal to 25 and greater than or equal to 1');
    }
    const added = parseSchema(list, pool.Schema ?? [], 'customAttributes', true);
    await store.putPool({ ...pool, Schema: [...(pool.Schema ?? []), ...added], LastModifiedDate: clock.now() });
    return {} satisfies Wire<AddCustomAttributesResponse>;
  };
