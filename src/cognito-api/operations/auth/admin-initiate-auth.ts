// AdminInitiateAuth (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html):
// ADMIN_USER_PASSWORD_AUTH (legacy ADMIN_NO_SRP_AUTH),
// USER_SRP_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN. The client must belong to UserPoolId.
import type { AdminInitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { readAuthFlow } from '../../flows/catalogue.js';
import { runAuthFlow } from '../../flows/dispatch.js';
import { optionalString, optionalStringMap } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import type { SignInDeps } from '../../../sign-in/outcome.js';
import { signInCaller } from './sign-in-caller.js';

export const adminInitiateAuth: Operation<SignInDeps> = (deps) => async (input, opCtx) => {
  const flow = readAuthFlow(input, 'admin');
  const output = await runAuthFlow(
    {
      deps,
      ...signInCaller(deps, input, opCtx, 'admin'),
      metadata: { validationData: optionalStringMap(input, 'ClientMetadata') },
    },
    flow,
    optionalStringMap(input, 'AuthParameters') ?? {},
    optionalString(input, 'Session', 2048),
  );
  return output satisfies Wire<AdminInitiateAuthResponse>;
};
