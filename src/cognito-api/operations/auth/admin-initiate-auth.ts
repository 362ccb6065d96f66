// AdminInitiateAuth (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html):
// ADMIN_USER_PASSWORD_AUTH (legacy ADMIN_NO_SRP_AUTH),
// USER_SRP_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN. The client must belong to UserPoolId.
import type { AdminInitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { readAuthFlow } from '../../flows/catalogue.js';
import { runAuthFlow } from '../../flows/dispatch.js';
import { optionalString, optionalStringMap, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import type { SignInDeps } from '../../../sign-in/outcome.js';
import { sourceIp } from '../../source-ip.js';

export const adminInitiateAuth: Operation<SignInDeps> = (deps) => async (input, opCtx) => {
  const flow = readAuthFlow(input, 'admin');
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128), pool.Id);
  const output = await runAuthFlow(
    {
      deps,
      pool,
      client,
      metadata: { validationData: optionalStringMap(input, 'ClientMetadata') },
      sourceIp: sourceIp(input, opCtx, 'admin'),
    },
    flow,
    optionalStringMap(input, 'AuthParameters') ?? {},
    optionalString(input, 'Session', 2048),
  );
  return output satisfies Wire<AdminInitiateAuthResponse>;
};
