// AuthFlow USER_AUTH (InitiateAuth / AdminInitiateAuth) and its answers: PREFERRED_CHALLENGE goes
// straight to that factor when the user may use it, otherwise SELECT_CHALLENGE lists
// AvailableChallenges; ANSWER picks one (PASSWORD and PASSWORD_SRP carry their proof in the same
// request). A Session from ConfirmSignUp signs the new user in at once.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
import type { User } from '../../domain/model.js';
import { CognitoError } from '../../errors/cognito-error.js';
import { availableChallenges, selectChallenge, startOneTimeCode, type FirstFactor } from '../../sign-in/choice.js';
import { startPasskey } from '../../sign-in/passkey.js';
import { checkBeforeProof, signedIn, signIn, unknownUser } from '../../sign-in/sign-in.js';
import { checkSecretHashFor } from '../secret-hash.js';
import { requiredParam, type AuthContext, type Params, type AuthOutput } from './toolkit.js';
import { startSrp } from './srp.js';
import { signInOutput, signInUser, successOutput } from './user.js';
import { invalidSession, signInError } from '../sign-in-errors.js';

export async function startUserAuth(ctx: AuthContext, params: Params, session: string | undefined): Promise<AuthOutput> {
  // "Amazon Cognito ignores the AuthParameters when you pass a valid session code."
  if (session !== undefined && session !== '') return autoSignIn(ctx, session);
  const login = requiredParam(params, 'USERNAME');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], params);
  if (!user && ctx.client.PreventUserExistenceErrors !== 'ENABLED') return signInOutput(ctx, unknownUser(ctx));
  const available = availableChallenges(ctx, user);
  const preferred = params.PREFERRED_CHALLENGE;
  if (preferred !== undefined && available.includes(preferred as FirstFactor)) {
    return firstFactor(ctx, login, user, preferred as FirstFactor, params);
  }
  return successOutput(ctx, selectChallenge(ctx, user?.Username ?? login, user, available));
}

/** SELECT_CHALLENGE (ANSWER), or PASSWORD / PASSWORD_SRP named as the challenge itself. */
export async function answerSelectChallenge(
  ctx: AuthContext,
  responses: Params,
  session: string | undefined,
  named?: 'PASSWORD' | 'PASSWORD_SRP',
): Promise<AuthOutput> {
  const login = requiredParam(responses, 'USERNAME');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], responses);
  const pending = ctx.deps.signInChallenges.get(session);
  if (
    pending?.challenge !== 'SELECT_CHALLENGE' ||
    pending.userPoolId !== ctx.pool.Id ||
    pending.clientId !== ctx.client.ClientId ||
    pending.username !== (user?.Username ?? login)
  )
    throw invalidSession();
  const answer = named ?? requiredParam(responses, 'ANSWER');
  if (!(pending.available ?? []).includes(answer)) {
    throw new CognitoError('InvalidParameterException', `The challenge ${answer} is not available for this user.`);
  }
  if (!(await ctx.deps.signInChallenges.take(session as string))) throw invalidSession();
  return firstFactor(ctx, login, user, answer as FirstFactor, responses);
}

async function firstFactor(
  ctx: AuthContext,
  login: string,
  user: User | undefined,
  factor: FirstFactor,
  params: Params,
): Promise<AuthOutput> {
  switch (factor) {
    case 'PASSWORD':
      return signInOutput(ctx, await signIn(ctx, user, { kind: 'password', password: requiredParam(params, 'PASSWORD'), login }));
    case 'PASSWORD_SRP':
      return startSrp(ctx, { ...params, USERNAME: login });
    default: {
      if (!user) throw invalidSession();
      // A one-time code may confirm an UNCONFIRMED user, so only lockout and disabling refuse it.
      const refused = checkBeforeProof(ctx, user);
      if (refused && refused !== 'unconfirmed') throw signInError(refused);
      if (factor === 'WEB_AUTHN') {
        if (refused) throw signInError(refused);
        return successOutput(ctx, startPasskey(ctx, user));
      }
      return successOutput(ctx, await startOneTimeCode(ctx, user, factor));
    }
  }
}

async function autoSignIn(ctx: AuthContext, session: string): Promise<AuthOutput> {
  const pending = ctx.deps.signInChallenges.get(session);
  if (pending?.challenge !== 'AUTO_SIGN_IN' || pending.userPoolId !== ctx.pool.Id || pending.clientId !== ctx.client.ClientId) {
    throw invalidSession();
  }
  const user = ctx.deps.store.getUser(ctx.pool.Id, pending.username);
  if (user?.UserStatus !== 'CONFIRMED') throw invalidSession();
  if (!user.Enabled) throw signInError('disabled');
  if (!(await ctx.deps.signInChallenges.take(session))) throw invalidSession();
  return successOutput(ctx, await signedIn(ctx, user));
}
