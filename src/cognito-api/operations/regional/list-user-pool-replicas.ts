// ListUserPoolReplicas: the pool in its own region (PRIMARY) first, then its replicas by region.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPoolReplicas.html
import type { ListUserPoolReplicasResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { paginate } from '../../pagination.js';
import { primary, secondary } from './replica-type.js';

export const listUserPoolReplicas: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const all = [primary(pool), ...Object.values(pool.Replicas ?? {}).map((r) => secondary(pool, r))];
    // The primary first, then the replicas by region.
    const page = paginate(all, (r) => `${r.Role === 'PRIMARY' ? 0 : 1}${r.RegionName}`, 60, optionalString(input, 'NextToken', 131072));
    return {
      UserPoolReplicas: page.items,
      NextToken: page.nextToken,
    } satisfies Wire<ListUserPoolReplicasResponse>;
  };
