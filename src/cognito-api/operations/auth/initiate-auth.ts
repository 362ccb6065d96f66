// InitiateAuth (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html):
// USER_PASSWORD_AUTH, USER_SRP_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN.
// Unsigned; the client names the pool.
import type { InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { readAuthFlow } from '../../flows/catalogue.js';
import { runAuthFlow } from '../../flows/dispatch.js';
import { optionalString, optionalStringMap, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import type { SignInDeps } from '../../../sign-in/outcome.js';
import { sourceIp } from '../../source-ip.js';

export const initiateAuth: Operation<SignInDeps> = (deps) => async (input, opCtx) => {
  const flow = readAuthFlow(input, 'user');
  const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128));
  const pool = poolOrThrow(deps.store, client.UserPoolId);
  const output = await runAuthFlow(
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
  return output satisfies Wire<InitiateAuthResponse>;
};
