// RespondToAuthChallenge (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html):
// PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED.
import type { RespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { readChallengeName } from '../../flows/catalogue.js';
import { answerChallenge } from '../../flows/dispatch.js';
import { optionalString, optionalStringMap } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import type { SignInDeps } from '../../../sign-in/outcome.js';
import { signInCaller } from './sign-in-caller.js';

export const respondToAuthChallenge: Operation<SignInDeps> = (deps) => async (input, opCtx) => {
  const challenge = readChallengeName(input);
  const caller = signInCaller(deps, input, opCtx, 'user');
  const responses = optionalStringMap(input, 'ChallengeResponses') ?? {};
  const output = await answerChallenge(
    {
      deps,
      ...caller,
      metadata: { clientMetadata: optionalStringMap(input, 'ClientMetadata') },
    },
    challenge,
    responses,
    optionalString(input, 'Session', 2048),
  );
  return output satisfies Wire<RespondToAuthChallengeResponse>;
};
