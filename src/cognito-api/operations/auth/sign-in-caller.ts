// Who a sign-in request comes from. The public operations (InitiateAuth, RespondToAuthChallenge) name
// only the app client, whose pool follows; their Admin* twins name the pool too, the client must
// belong to it, and the caller's address comes from ContextData instead of the connection.
import type { Deps } from '../../../deps.js';
import type { AppClient, UserPool } from '../../../domain/model.js';
import { requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Input, OperationContext } from '../../operation.js';
import { sourceIp } from '../../source-ip.js';

export function signInCaller(
  deps: Pick<Deps, 'store'>,
  input: Input,
  ctx: OperationContext,
  api: 'user' | 'admin',
): { pool: UserPool; client: AppClient; sourceIp: string | undefined } {
  if (api === 'admin') {
    const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
    const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128), pool.Id);
    return { pool, client, sourceIp: sourceIp(input, ctx, 'admin') };
  }
  const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128));
  const pool = poolOrThrow(deps.store, client.UserPoolId);
  return { pool, client, sourceIp: sourceIp(input, ctx, 'user') };
}
