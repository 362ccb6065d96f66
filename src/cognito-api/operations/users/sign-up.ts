// SignUp: a new UNCONFIRMED user. When the pool auto-verifies email or phone_number a confirmation
// code (24 h) is recorded in deps.messages and described in CodeDeliveryDetails; otherwise no code
// is sent and an administrator confirms the user (AdminConfirmSignUp).
import { attributeMap } from '../../../domain/attributes.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { CONFIRMATION_CODE_TTL_MS } from '../../../domain/verification-codes.js';
import { optionalAttributeList, requiredString } from '../../input.js';
import type { Operation } from '../../operation.js';
import { checkAttributeNames, checkAttributeValues, checkClientMayWrite } from './attribute-rules.js';
import { autoVerifyContact, codeDeliveryDetails, recordMessage } from './delivery.js';
import { selfServiceCall } from './self-service.js';
import { checkPasswordPolicy, insertNewUser, newUserRecord } from './user-records.js';

export const signUp: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  if (call.pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly === true) {
    throw new CognitoError('NotAuthorizedException', 'SignUp is not permitted for this user pool');
  }
  // Passwordless sign-up (Password omitted) is not supported: the password is required here.
  const password = requiredString(input, 'Password', 256);
  const attributes = attributeMap(optionalAttributeList(input, 'UserAttributes'));
  checkAttributeNames(call.pool, Object.keys(attributes));
  checkClientMayWrite(call.client, Object.keys(attributes));
  checkAttributeValues(attributes);
  checkPasswordPolicy(password, call.pool);
  const user = newUserRecord(deps, call.pool, call.username, attributes, 'User already exists');
  const saved = await insertNewUser(deps, call.pool, user, password, 'User already exists');

  const delivery = autoVerifyContact(call.pool, saved);
  if (delivery) {
    const code = deps.verificationCodes.issue(call.pool.Id, saved.Username, 'signUp', CONFIRMATION_CODE_TTL_MS, delivery.attribute);
    recordMessage(deps, saved, 'SignUp', delivery, { code });
  }
  return {
    ...(delivery ? { CodeDeliveryDetails: codeDeliveryDetails(delivery) } : {}),
    UserConfirmed: false,
    UserSub: saved.Attributes.sub,
  };
};
