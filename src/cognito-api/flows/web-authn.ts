// RespondToAuthChallenge for WEB_AUTHN: USERNAME and CREDENTIAL, the authenticator's assertion as a
// JSON string (Amplify sends JSON.stringify of AuthenticationResponseJSON). A passkey that does not
// verify is refused with NotAuthorizedException (Cognito's wording for it is not public; ours names
// the cause) and leaves the challenge open for another try within the session.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
import { CognitoError } from '../../errors/cognito-error.js';
import { answerPasskey } from '../../sign-in/passkey.js';
import { checkSecretHashFor } from '../secret-hash.js';
import { requiredParam, type AuthContext, type Params, type AuthOutput } from './toolkit.js';
import { signInUser, successOutput } from './user.js';
import { invalidSession, signInError } from '../sign-in-errors.js';

export async function answerWebAuthn(ctx: AuthContext, responses: Params, session: string | undefined): Promise<AuthOutput> {
  const login = requiredParam(responses, 'USERNAME');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], responses);
  const credential = requiredParam(responses, 'CREDENTIAL');
  if (!user) throw invalidSession();
  const outcome = await answerPasskey(ctx, session, user.Username, credential);
  if (outcome.kind !== 'failed') return successOutput(ctx, outcome);
  if (outcome.failure === 'disabled') throw signInError('disabled');
  if (outcome.failure === 'invalid-session') throw invalidSession();
  throw new CognitoError('NotAuthorizedException', `The passkey could not be verified (${outcome.why ?? 'invalid credential'}).`);
}
