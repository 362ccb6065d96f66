// Self-registration, for the JSON API (SignUp, ConfirmSignUp, ResendConfirmationCode) and the
// hosted pages (/signup, /confirm, /resendcode) alike: a new UNCONFIRMED user; a confirmation code
// (24 h) recorded for /_emulator/messages when the pool auto-verifies email or phone_number; the
// code confirms the user and verifies the attribute it went to. Errors are Cognito's.
// https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
import type { Deps } from '../deps.js';
import type { AppClient, User, UserPool } from '../domain/model.js';
import { CONFIRMATION_CODE_TTL_MS } from '../domain/verification-codes.js';
import { CognitoError } from '../errors/cognito-error.js';
import {
  aliasConflict, aliasExistsMessage, checkAttributeNames, checkAttributeValues, checkClientMayWrite,
} from '../cognito-api/operations/users/attribute-rules.js';
import { autoVerifyContact, recordMessage, type Delivery } from '../cognito-api/operations/users/delivery.js';
import { checkPasswordPolicy, insertNewUser, newUserRecord, saveUser } from '../cognito-api/operations/users/user-records.js';

export const codeMismatch = () => new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
export const codeExpired = () => new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');

export interface Registration {
  user: User;
  /** Where the confirmation code went; undefined when the pool verifies nothing automatically. */
  delivery: Delivery | undefined;
}

/** AdminCreateUserConfig.AllowAdminCreateUserOnly: only administrators create users. */
export function checkSelfSignUpAllowed(pool: UserPool): void {
  if (pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly === true) {
    throw new CognitoError('NotAuthorizedException', 'SignUp is not permitted for this user pool');
  }
}

/** SignUp: `username` as the caller gave it (an email or phone number in pools that sign in with those). */
export async function registerUser(
  deps: Deps, pool: UserPool, client: AppClient, username: string, password: string, attributes: Record<string, string>,
): Promise<Registration> {
  checkSelfSignUpAllowed(pool);
  checkAttributeNames(pool, Object.keys(attributes));
  checkClientMayWrite(client, Object.keys(attributes));
  checkAttributeValues(attributes);
  checkPasswordPolicy(password, pool);
  const record = newUserRecord(deps, pool, username, attributes, 'User already exists');
  const user = await insertNewUser(deps, pool, record, password, 'User already exists');
  const delivery = autoVerifyContact(pool, user);
  if (delivery) sendRegistrationCode(deps, user, delivery, 'SignUp');
  return { user, delivery };
}

function sendRegistrationCode(deps: Deps, user: User, delivery: Delivery, trigger: string): void {
  const code = deps.verificationCodes.issue(user.UserPoolId, user.Username, 'signUp', CONFIRMATION_CODE_TTL_MS, delivery.attribute);
  recordMessage(deps, user, trigger, delivery, { code });
}

/** ConfirmSignUp. Wrong code → CodeMismatchException; too old or never sent → ExpiredCodeException. */
export async function confirmRegistration(deps: Deps, pool: UserPool, user: User, code: string): Promise<User> {
  if (user.UserStatus !== 'UNCONFIRMED') {
    throw new CognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.UserStatus}`);
  }
  const checked = deps.verificationCodes.check(pool.Id, user.Username, 'signUp', code);
  if (!checked.ok) throw checked.problem === 'mismatch' ? codeMismatch() : codeExpired();
  const attributes = { ...user.Attributes };
  if (checked.attribute !== undefined) attributes[`${checked.attribute}_verified`] = 'true';
  // A verified alias may not be taken by two users (ForceAliasCreation is not supported).
  const conflict = aliasConflict(deps.store, pool, user.Username, attributes);
  if (conflict) throw new CognitoError('AliasExistsException', aliasExistsMessage(conflict));
  return saveUser(deps, user, { UserStatus: 'CONFIRMED', Attributes: attributes });
}

/** ResendConfirmationCode: a new code replaces the pending one. */
export function resendRegistrationCode(deps: Deps, pool: UserPool, user: User): Delivery {
  if (user.UserStatus !== 'UNCONFIRMED') throw new CognitoError('InvalidParameterException', 'User is already confirmed.');
  const delivery = autoVerifyContact(pool, user);
  if (!delivery) throw new CognitoError('InvalidParameterException', 'Cannot resend codes. Auto verification not turned on.');
  sendRegistrationCode(deps, user, delivery, 'ResendConfirmationCode');
  return delivery;
}
