// ListUserPools: MaxResults is required (1-60) by the API.
import type { ListUserPoolsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalString, requiredInteger } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { paginate } from '../../pagination.js';
import { userPoolDescription } from './pool-type.js';

export const listUserPools: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const max = requiredInteger(input, 'MaxResults', 1, 60);
    const page = paginate(store.listPools(), (p) => p.Id, max, optionalString(input, 'NextToken', 131072));
    return {
      UserPools: page.items.map(userPoolDescription),
      NextToken: page.nextToken,
    } satisfies Wire<ListUserPoolsResponse>;
  };
