// UpdateResourceServer replaces Name and Scopes (omitted Scopes = none). Clients keep the scope
// strings they list; a scope that no longer exists simply stops being granted (src/domain/scopes.ts).
import type { UpdateResourceServerResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { identifier, resourceServerOrThrow, scopes, serverName } from './resource-server-input.js';
import { resourceServerType } from './resource-server-type.js';

export const updateResourceServer: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const id = identifier(input);
    const Name = serverName(input);
    const Scopes = scopes(input);
    const existing = resourceServerOrThrow(store.getResourceServer(pool.Id, id), id);
    const server = { ...existing, Name, Scopes };
    await store.putResourceServer(server);
    return { ResourceServer: resourceServerType(server) } satisfies Wire<UpdateResourceServerResponse>;
  };
