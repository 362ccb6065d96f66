import type { DescribeResourceServerResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { identifier, resourceServerOrThrow } from './resource-server-input.js';
import { resourceServerType } from './resource-server-type.js';

export const describeResourceServer: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const id = identifier(input);
    const server = resourceServerOrThrow(store.getResourceServer(pool.Id, id), id);
    return { ResourceServer: resourceServerType(server) } satisfies Wire<DescribeResourceServerResponse>;
  };
