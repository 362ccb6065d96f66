import type { DescribeUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { userPoolType } from './pool-type.js';

export const describeUserPool: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return { UserPool: userPoolType(pool, store) } satisfies Wire<DescribeUserPoolResponse>;
  };
