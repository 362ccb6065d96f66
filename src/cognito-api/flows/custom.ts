// CUSTOM_AUTH on the JSON API (InitiateAuth / AdminInitiateAuth, RespondToAuthChallenge
// CUSTOM_CHALLENGE): the wire around src/sign-in/custom-auth.ts. With SRP_A in AuthParameters
// (CHALLENGE_NAME: SRP_A) the flow starts with the SRP password proof when define auth challenge
// asks for PASSWORD_VERIFIER; that challenge carries a Session, answered in flows/srp.ts.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-challenge.html
import { CognitoError } from '../../errors/cognito-error.js';
import { answerCustomChallenge, startCustomAuth, type CustomOutcome } from '../../sign-in/custom-auth.js';
import { checkSecretHashFor } from '../secret-hash.js';
import { requiredParam, type AuthContext, type Params, type AuthOutput } from './toolkit.js';
import { authenticationResult, signInUser } from './user.js';
import { passwordVerifierChallenge, readSrpA } from './srp.js';
import { signInError } from '../sign-in-errors.js';

const TRIGGERS = ['DefineAuthChallenge', 'CreateAuthChallenge', 'VerifyAuthChallengeResponse'] as const;

export async function startCustom(ctx: AuthContext, params: Params): Promise<AuthOutput> {
  // Wording unconfirmed.
  if (TRIGGERS.some((t) => !ctx.deps.triggers.has(ctx.pool, t))) {
    throw new CognitoError('InvalidParameterException', 'Custom auth lambda trigger is not configured for the user pool.');
  }
  const login = requiredParam(params, 'USERNAME');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], params);
  const srpA = Object.hasOwn(params, 'SRP_A') ? params.SRP_A : undefined;
  const A = srpA !== undefined && srpA !== '' ? readSrpA(srpA) : undefined;
  const outcome = await startCustomAuth(ctx, user, login, A !== undefined);
  if (outcome.kind === 'password-verifier' && A !== undefined) {
    return { ...passwordVerifierChallenge(ctx, user, login, A), Session: outcome.session };
  }
  return customOutput(ctx, outcome);
}

export async function answerCustom(ctx: AuthContext, responses: Params, session: string | undefined): Promise<AuthOutput> {
  const login = requiredParam(responses, 'USERNAME');
  const answer = requiredParam(responses, 'ANSWER');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], responses);
  return customOutput(ctx, await answerCustomChallenge(ctx, session, user?.Username ?? login, answer));
}

export async function customOutput(ctx: AuthContext, outcome: CustomOutcome): Promise<AuthOutput> {
  switch (outcome.kind) {
    case 'failed':
      // A consumed, expired or foreign session (as observed from Cognito).
      if (outcome.failure === 'invalid-session') throw new CognitoError('NotAuthorizedException', 'Invalid session for the user.');
      throw signInError(outcome.failure);
    case 'signed-in':
      return authenticationResult(ctx, outcome.user);
    case 'custom-challenge':
      return { ChallengeName: 'CUSTOM_CHALLENGE', ChallengeParameters: outcome.parameters, Session: outcome.session };
    case 'password-verifier':
      // Define asked for PASSWORD_VERIFIER where no SRP_A was sent.
      throw new CognitoError('InvalidLambdaResponseException', 'Unrecognizable lambda output');
  }
}
