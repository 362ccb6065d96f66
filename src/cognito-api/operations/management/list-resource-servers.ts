// ListResourceServers: MaxResults 1-50.
import type { ListResourceServersResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalInteger, optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { paginate } from '../../pagination.js';
import { resourceServerType } from './resource-server-type.js';

export const listResourceServers: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const max = optionalInteger(input, 'MaxResults', 1, 50) ?? 50;
    const page = paginate(store.listResourceServers(pool.Id), (rs) => rs.Identifier, max, optionalString(input, 'NextToken', 131072));
    return {
      ResourceServers: page.items.map(resourceServerType),
      NextToken: page.nextToken,
    } satisfies Wire<ListResourceServersResponse>;
  };
