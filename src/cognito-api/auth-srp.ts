// USER_SRP_AUTH (reference §11.4): InitiateAuth answers PASSWORD_VERIFIER with SALT, SRP_B and a
// SECRET_BLOCK carrying the server's state; RespondToAuthChallenge proves the password with
// PASSWORD_CLAIM_SIGNATURE. The password itself never reaches the server.
import { randomUUID } from 'node:crypto';
import { srpPoolName } from '../domain/credentials.js';
import { decoyEphemeral, parseSrpA, parseSrpTimestamp, serverEphemeral, verifySrpProof } from '../domain/srp.js';
import { CognitoError } from '../errors/cognito-error.js';
import { checkSecretHashFor, requiredParam, type AuthContext, type Params } from './auth-flows.js';
import { checkMaySignIn, incorrectPassword, invalidSession, passwordChecked, passwordProven, signInUser, unknownUser } from './auth-user.js';
import type { Output } from './operation.js';

/**
 * Accepted distance between TIMESTAMP and now (unconfirmed for Cognito; README). Client libraries
 * sign with the machine's real time while tests move the emulator's clock, so either may match.
 */
const TIMESTAMP_SKEW_MS = 5 * 60_000;

export async function startSrp(ctx: AuthContext, params: Params): Promise<Output> {
  const login = requiredParam(params, 'USERNAME');
  const srpA = requiredParam(params, 'SRP_A');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], params);
  const A = parseSrpA(srpA);
  // Wording unconfirmed; the server must refuse A mod N == 0 (reference §11.4).
  if (A === undefined) throw new CognitoError('InvalidParameterException', 'SRP_A must be a hexadecimal number that is not 0 mod N');
  // With PreventUserExistenceErrors ENABLED an unknown user gets a decoy challenge and fails at the proof (reference §9).
  if (!user && ctx.client.PreventUserExistenceErrors !== 'ENABLED') throw unknownUser(ctx);
  if (user) checkMaySignIn(ctx, user);
  const verifier = user ? ctx.deps.credentials.srpVerifier(user) : undefined;
  const { b, B } = verifier ? serverEphemeral(verifier.Verifier) : decoyEphemeral();
  const username = user?.Username ?? login;
  const secretBlock = ctx.deps.authChallenges.sealSecretBlock({
    userPoolId: ctx.pool.Id, clientId: ctx.client.ClientId, username,
    A: A.toString(16), b: b.toString(16), B: B.toString(16),
    expiresAt: ctx.deps.authChallenges.srpExpiry(ctx.client), id: randomUUID(), decoy: verifier === undefined,
  });
  // USERNAME and USER_ID_FOR_SRP are both the real username (the sub-like name in email pools).
  // The observed challenge has no Session (reference §11.3).
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: verifier?.Salt ?? ctx.deps.authChallenges.decoySalt(ctx.pool.Id, username),
      SECRET_BLOCK: secretBlock,
      SRP_B: B.toString(16),
      USERNAME: username,
      USER_ID_FOR_SRP: username,
    },
  };
}

export async function answerPasswordVerifier(ctx: AuthContext, responses: Params): Promise<Output> {
  const login = requiredParam(responses, 'USERNAME');
  const secretBlock = requiredParam(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = requiredParam(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const timestamp = requiredParam(responses, 'TIMESTAMP');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], responses);
  // Forged, expired (AuthSessionValidity), reused or foreign blocks (wording unconfirmed; README).
  const state = await ctx.deps.authChallenges.takeSecretBlock(secretBlock);
  if (!state || state.userPoolId !== ctx.pool.Id || state.clientId !== ctx.client.ClientId) throw invalidSession();
  const signedAt = parseSrpTimestamp(timestamp);
  if (signedAt === undefined) {
    throw new CognitoError('InvalidParameterException', 'TIMESTAMP must look like "Tue Mar 3 09:05:07 UTC 2026" (EEE MMM d HH:mm:ss UTC yyyy)');
  }
  const skewed = (now: number) => Math.abs(signedAt - now) > TIMESTAMP_SKEW_MS;
  if (!user) throw unknownUser(ctx);
  if (user.Username !== state.username) throw invalidSession();
  checkMaySignIn(ctx, user);
  if (skewed(ctx.deps.clock.now()) && skewed(Date.now())) throw incorrectPassword();
  const verifier = state.decoy ? undefined : ctx.deps.credentials.srpVerifier(user);
  const ok = verifier !== undefined && verifySrpProof({
    poolName: srpPoolName(ctx.pool.Id), username: user.Username, verifierHex: verifier.Verifier,
    A: BigInt('0x' + state.A), b: BigInt('0x' + state.b), B: BigInt('0x' + state.B),
    secretBlock, timestamp, signature,
  });
  passwordChecked(ctx, user, ok);
  return passwordProven(ctx, user);
}
