// VerifyUserAttribute: the code from UpdateUserAttributes / GetUserAttributeVerificationCode marks
// the email or phone number verified (and puts in place a new value that waited for it).
import type { VerifyUserAttributeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';
import { aliasConflict, aliasExistsMessage } from '../../../users/attribute-rules.js';
import { codeExpired, codeMismatch } from '../../../self-service/registration.js';
import { withPending } from './attribute-update.js';
import { saveUser } from '../../../users/user-records.js';

export const verifyUserAttribute: Operation<'clock' | 'keys' | 'store' | 'urls' | 'verificationCodes'> = (deps) => async (input) => {
  const { user, pool } = await userFromAccessToken(deps, input);
  const name = requiredString(input, 'AttributeName', 32);
  const code = requiredString(input, 'Code', 2048);
  if (name !== 'email' && name !== 'phone_number') {
    throw new CognitoError('InvalidParameterException', `Invalid attribute name: ${name} cannot be verified.`);
  }
  const checked = await deps.verificationCodes.check(pool.Id, user.Username, `verify:${name}`, code);
  if (!checked.ok) throw checked.problem === 'mismatch' ? codeMismatch() : codeExpired();
  // A value waiting for verification (AttributesRequireVerificationBeforeUpdate) replaces the old one now.
  const { [name]: waiting, ...stillPending } = user.PendingAttributes ?? {};
  const attributes = { ...user.Attributes, ...(waiting !== undefined ? { [name]: waiting } : {}), [`${name}_verified`]: 'true' };
  const conflict = aliasConflict(deps.store, pool, user.Username, attributes);
  if (conflict) throw new CognitoError('AliasExistsException', aliasExistsMessage(conflict));
  await saveUser(deps, user, { Attributes: attributes, ...withPending(stillPending) });
  return {} satisfies Wire<VerifyUserAttributeResponse>;
};
