// AdminRespondToAuthChallenge: RespondToAuthChallenge with the pool named; the client must belong to it.
import type { AdminRespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { readChallengeName } from '../../flows/catalogue.js';
import { answerChallenge } from '../../flows/dispatch.js';
import { optionalString, optionalStringMap } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import type { SignInDeps } from '../../../sign-in/outcome.js';
import { signInCaller } from './sign-in-caller.js';

export const adminRespondToAuthChallenge: Operation<SignInDeps> = (deps) => async (input, opCtx) => {
  const challenge = readChallengeName(input);
  const caller = signInCaller(deps, input, opCtx, 'admin');
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
  return output satisfies Wire<AdminRespondToAuthChallengeResponse>;
};
