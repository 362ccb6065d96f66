// ConfirmSignUp: the code from SignUp / ResendConfirmationCode confirms the user and verifies the
// attribute it was sent to. Wrong code → CodeMismatchException; too old (24 h) or never sent →
// ExpiredCodeException (the latter is a choice; README).
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import type { Operation } from '../../operation.js';
import { aliasConflict, aliasExistsMessage } from './attribute-rules.js';
import { codeExpired, codeMismatch, selfServiceCall, selfServiceUser } from './self-service.js';
import { saveUser } from './user-records.js';

export const confirmSignUp: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  const code = requiredString(input, 'ConfirmationCode', 2048);
  const user = selfServiceUser(deps, call);
  if (!user) throw codeMismatch();
  if (user.UserStatus !== 'UNCONFIRMED') {
    throw new CognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.UserStatus}`);
  }
  const checked = await deps.verificationCodes.check(call.pool.Id, user.Username, 'signUp', code);
  if (!checked.ok) throw checked.problem === 'mismatch' ? codeMismatch() : codeExpired();
  const attributes = { ...user.Attributes };
  if (checked.attribute !== undefined) attributes[`${checked.attribute}_verified`] = 'true';
  // A verified alias may not be taken by two users (ForceAliasCreation is not supported).
  const conflict = aliasConflict(deps.store, call.pool, user.Username, attributes);
  if (conflict) throw new CognitoError('AliasExistsException', aliasExistsMessage(conflict));
  await saveUser(deps, user, { UserStatus: 'CONFIRMED', Attributes: attributes });
  return {};
};
