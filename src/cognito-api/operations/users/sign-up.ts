// SignUp: a new UNCONFIRMED user. When the pool auto-verifies email or phone_number a confirmation
// code (24 h) is recorded in deps.messages and described in CodeDeliveryDetails; otherwise no code
// is sent and an administrator confirms the user (AdminConfirmSignUp).
import { attributeMap } from '../../../domain/attributes.js';
import { CONFIRMATION_CODE_TTL_MS } from '../../../domain/verification-codes.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { preSignUp } from '../../../triggers/sign-up.js';
import { optionalAttributeList, optionalStringMap, requiredString } from '../../input.js';
import type { Input, Operation } from '../../operation.js';
import { checkAttributeNames, checkAttributeValues, checkClientMayWrite } from './attribute-rules.js';
import { autoVerifyContact, codeDeliveryDetails } from './delivery.js';
import { sendMessage } from './send-message.js';
import { selfServiceCall } from './self-service.js';
import { offersPasswordless, signUpSession } from './sign-up-session.js';
import { checkPasswordPolicy, insertNewUser, newUserRecord } from './user-records.js';

export const signUp: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  if (call.pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly === true) {
    throw new CognitoError('NotAuthorizedException', 'SignUp is not permitted for this user pool');
  }
  // "To create a user with no password, omit this parameter or submit a blank value. You can only
  // create a passwordless user when passwordless sign-in is available."
  const passwordless = (input.Password === undefined || input.Password === null || input.Password === '') && offersPasswordless(call.pool);
  const password = passwordless ? undefined : requiredString(input, 'Password', 256);
  const attributes = attributeMap(optionalAttributeList(input, 'UserAttributes'));
  checkAttributeNames(call.pool, Object.keys(attributes));
  checkClientMayWrite(call.client, Object.keys(attributes));
  checkAttributeValues(attributes);
  if (password !== undefined) checkPasswordPolicy(password, call.pool);
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  const user = newUserRecord(deps, call.pool, call.username, attributes, 'User already exists');
  // A pre sign-up trigger may refuse the user, confirm it, or verify its email / phone number.
  const decision = await preSignUp(deps, {
    pool: call.pool, clientId: call.client.ClientId, source: 'PreSignUp_SignUp', user, clientMetadata,
    validationData: validationData(input),
  });
  for (const [flag, name] of [[decision.autoVerifyEmail, 'email'], [decision.autoVerifyPhone, 'phone_number']] as const) {
    if (!flag) continue;
    // "the attribute must be present … Otherwise an error will occur" (wording unconfirmed).
    if (user.Attributes[name] === undefined) throw new CognitoError('InvalidLambdaResponseException', `Cannot auto-verify ${name}: the user has no ${name} attribute`);
    user.Attributes[`${name}_verified`] = 'true';
  }
  if (decision.autoConfirmUser) user.UserStatus = 'CONFIRMED';
  const saved = await insertNewUser(deps, call.pool, user, password, 'User already exists');

  // An auto-confirmed user has nothing to confirm: no code is sent.
  const delivery = decision.autoConfirmUser ? undefined : autoVerifyContact(call.pool, saved);
  if (delivery) {
    const code = deps.verificationCodes.issue(call.pool.Id, saved.Username, 'signUp', CONFIRMATION_CODE_TTL_MS, delivery.attribute);
    await sendMessage(deps, { pool: call.pool, clientId: call.client.ClientId, user: saved, kind: 'SignUp', source: 'SignUp', delivery, secret: { code }, clientMetadata });
  }
  return {
    ...(delivery ? { CodeDeliveryDetails: codeDeliveryDetails(delivery) } : {}),
    UserConfirmed: saved.UserStatus === 'CONFIRMED',
    UserSub: saved.Attributes.sub,
    ...signUpSession(deps, call.pool, call.client, saved),
  };
};

/** SignUp's ValidationData, [{Name, Value}], as the map the trigger receives. */
export function validationData(input: Input): Record<string, string> | undefined {
  const list = optionalAttributeList(input, 'ValidationData');
  return list === undefined ? undefined : attributeMap(list);
}
