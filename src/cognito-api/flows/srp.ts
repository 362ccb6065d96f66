// USER_SRP_AUTH (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html):
// InitiateAuth answers PASSWORD_VERIFIER with SALT, SRP_B and a
// SECRET_BLOCK carrying the server's state; RespondToAuthChallenge proves the password with
// PASSWORD_CLAIM_SIGNATURE. The password itself never reaches the server.
import { randomUUID } from 'node:crypto';
import { srpPoolName } from '../../domain/credentials.js';
import { decoyEphemeral, parseSrpA, parseSrpTimestamp, serverEphemeral, verifySrpProof } from '../../domain/srp.js';
import type { User } from '../../domain/model.js';
import { CognitoError } from '../../errors/cognito-error.js';
import { afterCustomSrp } from '../../sign-in/custom-auth.js';
import { beforeProofTriggers, checkBeforeProof, prove, signIn, unknownUser } from '../../sign-in/sign-in.js';
import { customOutput } from './custom.js';
import { checkSecretHashFor } from '../secret-hash.js';
import { requiredParam, type AuthContext, type Params, type AuthOutput } from './toolkit.js';
import { signInOutput, signInUser } from './user.js';
import { invalidSession, signInError } from '../sign-in-errors.js';

/**
 * Accepted distance between TIMESTAMP and now (unconfirmed for Cognito; README). Client libraries
 * sign with the machine's real time while tests move the emulator's clock, so either may match.
 */
const TIMESTAMP_SKEW_MS = 5 * 60_000;

export async function startSrp(ctx: AuthContext, params: Params): Promise<AuthOutput> {
  const login = requiredParam(params, 'USERNAME');
  const srpA = requiredParam(params, 'SRP_A');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], params);
  const A = readSrpA(srpA);
  // With PreventUserExistenceErrors ENABLED an unknown user gets a decoy challenge and fails at the proof
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html).
  if (!user && ctx.client.PreventUserExistenceErrors !== 'ENABLED') return signInOutput(ctx, unknownUser(ctx));
  // A user the core refuses whatever the proof gets no challenge.
  const refused = user && checkBeforeProof(ctx, user);
  if (refused) throw signInError(refused);
  // PreAuthentication runs when the flow starts, before the client is challenged.
  if (user) await beforeProofTriggers(ctx, user);
  return passwordVerifierChallenge(ctx, user, login, A);
}

export function readSrpA(srpA: string): bigint {
  const A = parseSrpA(srpA);
  // Wording unconfirmed; the server must refuse A mod N == 0
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
  if (A === undefined) throw new CognitoError('InvalidParameterException', 'SRP_A must be a hexadecimal number that is not 0 mod N');
  return A;
}

/** The PASSWORD_VERIFIER challenge for a user already checked (or a decoy for nobody). */
export function passwordVerifierChallenge(ctx: AuthContext, user: User | undefined, login: string, A: bigint): AuthOutput {
  const verifier = user ? ctx.deps.credentials.srpVerifier(user) : undefined;
  const { b, B } = verifier ? serverEphemeral(verifier.Verifier) : decoyEphemeral();
  const username = user?.Username ?? login;
  const secretBlock = ctx.deps.srpBlocks.sealSecretBlock({
    userPoolId: ctx.pool.Id,
    clientId: ctx.client.ClientId,
    username,
    A: A.toString(16),
    b: b.toString(16),
    B: B.toString(16),
    expiresAt: ctx.deps.srpBlocks.srpExpiry(ctx.client),
    id: randomUUID(),
    decoy: verifier === undefined,
  });
  // USERNAME and USER_ID_FOR_SRP are both the real username (the sub-like name in email pools).
  // The observed challenge has no Session
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: verifier?.Salt ?? ctx.deps.srpBlocks.decoySalt(ctx.pool.Id, username),
      SECRET_BLOCK: secretBlock,
      SRP_B: B.toString(16),
      USERNAME: username,
      USER_ID_FOR_SRP: username,
    },
  };
}

export async function answerPasswordVerifier(ctx: AuthContext, responses: Params, session?: string): Promise<AuthOutput> {
  const login = requiredParam(responses, 'USERNAME');
  const secretBlock = requiredParam(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = requiredParam(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const timestamp = requiredParam(responses, 'TIMESTAMP');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], responses);
  // Forged, expired (AuthSessionValidity), reused or foreign blocks (wording unconfirmed; README).
  const state = await ctx.deps.srpBlocks.takeSecretBlock(secretBlock);
  if (!state || state.userPoolId !== ctx.pool.Id || state.clientId !== ctx.client.ClientId) throw invalidSession();
  const signedAt = parseSrpTimestamp(timestamp);
  if (signedAt === undefined) {
    throw new CognitoError(
      'InvalidParameterException',
      'TIMESTAMP must look like "Tue Mar 3 09:05:07 UTC 2026" (EEE MMM d HH:mm:ss UTC yyyy)',
    );
  }
  const skewed = (now: number) => Math.abs(signedAt - now) > TIMESTAMP_SKEW_MS;
  if (user && user.Username !== state.username) throw invalidSession();
  // A stale TIMESTAMP counts as a wrong proof.
  const verify = (who: User) => {
    if (skewed(ctx.deps.clock.now()) && skewed(Date.now())) return false;
    const verifier = state.decoy ? undefined : ctx.deps.credentials.srpVerifier(who);
    return (
      verifier !== undefined &&
      verifySrpProof({
        poolName: srpPoolName(ctx.pool.Id),
        username: who.Username,
        verifierHex: verifier.Verifier,
        A: BigInt(`0x${state.A}`),
        b: BigInt(`0x${state.b}`),
        B: BigInt(`0x${state.B}`),
        secretBlock,
        timestamp,
        signature,
      })
    );
  };
  // A custom authentication that started with SRP goes on to its custom challenges (flows/custom.ts).
  const custom = session !== undefined && user ? await afterCustomSrp(ctx, session, user.Username) : undefined;
  if (custom && user) return customOutput(ctx, await prove(ctx, user, { kind: 'srp', verify }, custom));
  return signInOutput(ctx, await signIn(ctx, user, { kind: 'srp', verify }));
}
