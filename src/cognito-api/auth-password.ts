// USER_PASSWORD_AUTH (InitiateAuth) and ADMIN_USER_PASSWORD_AUTH / ADMIN_NO_SRP_AUTH
// (AdminInitiateAuth): the password travels in AuthParameters (reference §11.3).
import { checkSecretHashFor, requiredParam, type AuthContext, type Params } from './auth-flows.js';
import { checkMaySignIn, passwordChecked, passwordProven, signInUser, unknownUser } from './auth-user.js';
import type { Output } from './operation.js';

export async function passwordAuth(ctx: AuthContext, params: Params): Promise<Output> {
  const login = requiredParam(params, 'USERNAME');
  const password = requiredParam(params, 'PASSWORD');
  const user = signInUser(ctx, login);
  // The secret is checked before the user's existence is revealed.
  checkSecretHashFor(ctx.client, [login, user?.Username], params);
  if (!user) throw unknownUser(ctx);
  checkMaySignIn(ctx, user);
  passwordChecked(ctx, user, await ctx.deps.credentials.verify(user, password));
  return passwordProven(ctx, user);
}
