// RespondToAuthChallenge (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html):
// PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED.
import type { RespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { readChallengeName } from '../../flows/catalogue.js';
import { answerChallenge } from '../../flows/dispatch.js';
import { optionalString, optionalStringMap, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import type { SignInDeps } from '../../../sign-in/outcome.js';
import { sourceIp } from '../../source-ip.js';

export const respondToAuthChallenge: Operation<SignInDeps> = (deps) => async (input, opCtx) => {
  const challenge = readChallengeName(input);
  const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128));
  const pool = poolOrThrow(deps.store, client.UserPoolId);
  const responses = optionalStringMap(input, 'ChallengeResponses') ?? {};
  const output = await answerChallenge(
    {
      deps,
      pool,
      client,
      metadata: { clientMetadata: optionalStringMap(input, 'ClientMetadata') },
      sourceIp: sourceIp(input, opCtx, 'user'),
    },
    challenge,
    responses,
    optionalString(input, 'Session', 2048),
  );
  return output satisfies Wire<RespondToAuthChallengeResponse>;
};
