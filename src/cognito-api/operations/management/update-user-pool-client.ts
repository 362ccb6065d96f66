// UpdateUserPoolClient replaces the whole configuration: a setting left out of the request goes
// back to its default, as in Cognito. The id, the secret and the creation date stay.
import type { UpdateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { apiClient, clientName } from './client-input.js';
import { userPoolClientType } from './client-type.js';

export const updateUserPoolClient: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const existing = clientOrThrow(store, requiredString(input, 'ClientId', 128), pool.Id);
    // ClientName is optional here; without it the name is kept.
    const ClientName = input.ClientName === undefined || input.ClientName === null ? existing.ClientName : clientName(input);
    const base = { ClientName, ...(existing.ClientSecret !== undefined ? { ClientSecret: existing.ClientSecret } : {}) };
    const client = apiClient(input, base, pool.Id, clock.now(), store, existing);
    await store.putClient(client);
    return { UserPoolClient: userPoolClientType(client) } satisfies Wire<UpdateUserPoolClientResponse>;
  };
