// InitiateAuth (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html):
// USER_PASSWORD_AUTH, USER_SRP_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN.
// Unsigned; the client names the pool.
import type { InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { readAuthFlow } from '../../flows/catalogue.js';
import { runAuthFlow } from '../../flows/dispatch.js';
import { optionalString, optionalStringMap } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import type { SignInDeps } from '../../../sign-in/outcome.js';
import { signInCaller } from './sign-in-caller.js';

export const initiateAuth: Operation<SignInDeps> = (deps) => async (input, opCtx) => {
  const flow = readAuthFlow(input, 'user');
  const output = await runAuthFlow(
    {
      deps,
      ...signInCaller(deps, input, opCtx, 'user'),
      metadata: { validationData: optionalStringMap(input, 'ClientMetadata') },
    },
    flow,
    optionalStringMap(input, 'AuthParameters') ?? {},
    optionalString(input, 'Session', 2048),
  );
  return output satisfies Wire<InitiateAuthResponse>;
};
