// CreateResourceServer: its scopes (`{Identifier}/{ScopeName}`) can be given to clients at once.
import type { CreateResourceServerResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { identifier, scopes, serverName } from './resource-server-input.js';
import { resourceServerType } from './resource-server-type.js';

export const createResourceServer: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const Identifier = identifier(input);
    const server = { UserPoolId: pool.Id, Identifier, Name: serverName(input), Scopes: scopes(input) };
    if (store.getResourceServer(pool.Id, Identifier)) {
      // Wording unconfirmed.
      throw new CognitoError('InvalidParameterException', `${Identifier} already exists in user pool ${pool.Id}.`);
    }
    await store.putResourceServer(server);
    return { ResourceServer: resourceServerType(server) } satisfies Wire<CreateResourceServerResponse>;
  };
