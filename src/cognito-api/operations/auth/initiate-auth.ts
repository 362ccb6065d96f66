// InitiateAuth (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html):
// USER_PASSWORD_AUTH, USER_SRP_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN.
// Unsigned; the client names the pool.
import { readAuthFlow } from '../../flows/catalogue.js';
import { runAuthFlow } from '../../flows/dispatch.js';
import { optionalString, optionalStringMap, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { sourceIp } from '../../source-ip.js';

export const initiateAuth: Operation = (deps) => async (input, opCtx) => {
  const flow = readAuthFlow(input, 'user');
  const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128));
  const pool = poolOrThrow(deps.store, client.UserPoolId);
  return runAuthFlow(
    {
      deps,
      pool,
      client,
      metadata: { validationData: optionalStringMap(input, 'ClientMetadata') },
      sourceIp: sourceIp(input, opCtx, 'user'),
    },
    flow,
    optionalStringMap(input, 'AuthParameters') ?? {},
    optionalString(input, 'Session', 2048),
  );
};
