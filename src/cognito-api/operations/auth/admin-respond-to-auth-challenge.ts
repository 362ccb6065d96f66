// AdminRespondToAuthChallenge: RespondToAuthChallenge with the pool named; the client must belong to it.
import type { AdminRespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { readChallengeName } from '../../flows/catalogue.js';
import { answerChallenge } from '../../flows/dispatch.js';
import { optionalString, optionalStringMap, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import type { SignInDeps } from '../../../sign-in/outcome.js';
import { sourceIp } from '../../source-ip.js';

export const adminRespondToAuthChallenge: Operation<SignInDeps> = (deps) => async (input, opCtx) => {
  const challenge = readChallengeName(input);
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128), pool.Id);
  const responses = optionalStringMap(input, 'ChallengeResponses') ?? {};
  const output = await answerChallenge(
    {
      deps,
      pool,
      client,
      metadata: { clientMetadata: optionalStringMap(input, 'ClientMetadata') },
      sourceIp: sourceIp(input, opCtx, 'admin'),
    },
    challenge,
    responses,
    optionalString(input, 'Session', 2048),
  );
  return output satisfies Wire<AdminRespondToAuthChallengeResponse>;
};
