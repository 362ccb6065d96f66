// CreateUserPool: a new pool with an id in Cognito's format for the caller's region, usable at once
// on the OAuth endpoints (its signing keys and JWKS exist before the response is sent).
import type { CreateUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import { newUserPoolId } from '../../../domain/ids.js';
import type { UserPool } from '../../../domain/model.js';
import type { Operation, Wire } from '../../operation.js';
import { requestRegion } from '../../region.js';
import { mutableSettings, poolName, signInAttributes } from './pool-settings-input.js';
import { userPoolType } from './pool-type.js';
import { parseSchema } from './schema-input.js';

export const createUserPool: Operation<'clock' | 'keys' | 'store'> =
  ({ store, clock, keys }) =>
  async (input, ctx) => {
    const Name = poolName(input, true);
    const signIn = signInAttributes(input);
    const settings = mutableSettings(input);
    const schema = input.Schema === undefined || input.Schema === null ? [] : parseSchema(input.Schema, [], 'schema');
    let Id = newUserPoolId(requestRegion(ctx));
    while (store.getPool(Id)) Id = newUserPoolId(requestRegion(ctx));
    const now = clock.now();
    const pool: UserPool = {
      Id,
      Name,
      ...signIn,
      ...settings,
      ...(schema.length > 0 ? { Schema: schema } : {}),
      CreationDate: now,
      LastModifiedDate: now,
    };
    await keys.ensure(Id);
    await store.putPool(pool);
    return { UserPool: userPoolType(pool, store) } satisfies Wire<CreateUserPoolResponse>;
  };
