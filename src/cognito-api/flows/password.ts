// USER_PASSWORD_AUTH (InitiateAuth) and ADMIN_USER_PASSWORD_AUTH / ADMIN_NO_SRP_AUTH
// (AdminInitiateAuth): the password travels in AuthParameters
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html).
import { signIn } from '../../sign-in/sign-in.js';
import { checkSecretHashFor } from '../secret-hash.js';
import { requiredParam, type AuthContext, type Params, type AuthOutput } from './toolkit.js';
import { signInOutput, signInUser } from './user.js';

export async function passwordAuth(ctx: AuthContext, params: Params): Promise<AuthOutput> {
  const login = requiredParam(params, 'USERNAME');
  const password = requiredParam(params, 'PASSWORD');
  const user = signInUser(ctx, login);
  // The secret is checked before the user's existence is revealed.
  checkSecretHashFor(ctx.client, [login, user?.Username], params);
  return signInOutput(ctx, await signIn(ctx, user, { kind: 'password', password, login }));
}
