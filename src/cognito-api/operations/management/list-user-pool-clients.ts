// ListUserPoolClients: UserPoolClientDescription entries only (no settings, no secret).
import type { ListUserPoolClientsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalInteger, optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { paginate } from '../../pagination.js';

export const listUserPoolClients: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const max = optionalInteger(input, 'MaxResults', 1, 60) ?? 60;
    const page = paginate(store.listClients(pool.Id), (c) => c.ClientId, max, optionalString(input, 'NextToken', 131072));
    return {
      UserPoolClients: page.items.map((c) => ({ ClientId: c.ClientId, UserPoolId: c.UserPoolId, ClientName: c.ClientName })),
      NextToken: page.nextToken,
    } satisfies Wire<ListUserPoolClientsResponse>;
  };
