// RespondToAuthChallenge NEW_PASSWORD_REQUIRED
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html): USERNAME, NEW_PASSWORD
// and any
// `userAttributes.<name>` answer the challenge; the user becomes CONFIRMED and gets tokens. The
// Session stays usable after a refused password, so the user can try another one.
import { flagValue } from '../../domain/attributes.js';
import type { User } from '../../domain/model.js';
import { CognitoError } from '../../errors/cognito-error.js';
import { completeNewPassword } from '../../sign-in/new-password.js';
import { checkSecretHashFor } from '../secret-hash.js';
import { requiredParam, type AuthContext, type Params, type AuthOutput } from './toolkit.js';
import { signInUser, successOutput } from './user.js';
import {
  aliasConflict,
  aliasExistsMessage,
  checkAttributeNames,
  checkAttributeValues,
  checkClientMayWrite,
  checkMutable,
} from '../../users/attribute-rules.js';
import { invalidSession, newPasswordError } from '../sign-in-errors.js';

const ATTRIBUTE_PREFIX = 'userAttributes.';

export async function answerNewPassword(ctx: AuthContext, responses: Params, sessionId: string | undefined): Promise<AuthOutput> {
  const login = requiredParam(responses, 'USERNAME');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], responses);
  if (!user) throw invalidSession();
  const password = requiredParam(responses, 'NEW_PASSWORD');
  const outcome = await completeNewPassword(ctx, {
    session: sessionId,
    username: user.Username,
    password,
    attributes: (current) => challengeAttributes(ctx, current, responses),
  });
  if (outcome.kind === 'failed') throw newPasswordError(outcome.failure);
  if (outcome.kind === 'invalid-password') throw new CognitoError('InvalidPasswordException', outcome.message);
  return successOutput(ctx, outcome, 'TokenGeneration_NewPasswordChallenge');
}

/**
 * `userAttributes.<name>` answers, with the rules of UpdateUserAttributes: known names, sub never,
 * *_verified only when the client's WriteAttributes allow it (client code deletes email_verified
 * before answering because Cognito refuses it), unique sign-in aliases.
 */
function challengeAttributes(ctx: AuthContext, user: User, responses: Params): Record<string, string> {
  const updates: Record<string, string> = {};
  for (const [key, value] of Object.entries(responses)) {
    if (key.startsWith(ATTRIBUTE_PREFIX))
      updates[key.slice(ATTRIBUTE_PREFIX.length)] = flagValue(key.slice(ATTRIBUTE_PREFIX.length), value);
  }
  const names = Object.keys(updates);
  if (names.length === 0) return updates;
  checkAttributeNames(ctx.pool, names);
  checkMutable(ctx.pool, names);
  checkClientMayWrite(ctx.client, names);
  // A changed email or phone number is unverified unless the answer says otherwise (as UpdateUserAttributes).
  for (const name of ['email', 'phone_number']) {
    const flag = `${name}_verified`;
    if (name in updates && updates[name] !== user.Attributes[name] && !(flag in updates)) updates[flag] = 'false';
  }
  checkAttributeValues({ ...user.Attributes, ...updates });
  const conflict = aliasConflict(ctx.deps.store, ctx.pool, user.Username, { ...user.Attributes, ...updates });
  if (conflict) throw new CognitoError('AliasExistsException', aliasExistsMessage(conflict));
  return updates;
}
