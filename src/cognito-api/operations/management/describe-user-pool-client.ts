import type { DescribeUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { userPoolClientType } from './client-type.js';

export const describeUserPoolClient: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const client = clientOrThrow(store, requiredString(input, 'ClientId', 128), pool.Id);
    return { UserPoolClient: userPoolClientType(client) } satisfies Wire<DescribeUserPoolClientResponse>;
  };
