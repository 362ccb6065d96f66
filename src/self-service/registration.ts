// Self-registration, for the JSON API (SignUp, ConfirmSignUp, ResendConfirmationCode) and the
// hosted pages (/signup, /confirm, /resendcode) alike: a new UNCONFIRMED user (unless the pre
// sign-up trigger confirms it); a confirmation code (24 h) sent through the custom message / sender
// triggers and recorded for /_emulator/messages when the pool auto-verifies email or phone_number;
// the code confirms the user, verifies the attribute it went to and runs post confirmation.
// Errors are Cognito's.
// https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
import type { Deps } from '../deps.js';
import type { AppClient, User, UserPool } from '../domain/model.js';
import { CONFIRMATION_CODE_TTL_MS } from '../domain/verification-codes.js';
import { CognitoError } from '../errors/cognito-error.js';
import {
  aliasConflict,
  aliasExistsMessage,
  checkAttributeNames,
  checkAttributeValues,
  checkClientMayWrite,
} from '../users/attribute-rules.js';
import { autoVerifyContact, type Delivery } from '../users/delivery.js';
import { sendMessage } from '../users/send-message.js';
import { checkPasswordPolicy, insertNewUser, newUserRecord, saveUser } from '../users/user-records.js';
import { recordAuthEvent } from '../threat-protection/auth-events.js';
import { screenNewPassword } from '../threat-protection/new-password.js';
import { postConfirmation, preSignUp } from '../triggers/sign-up.js';

export const codeMismatch = () => new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
export const codeExpired = () => new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');

export interface Registration {
  user: User;
  /** Where the confirmation code went; undefined when the pool verifies nothing automatically or the user is confirmed. */
  delivery: Delivery | undefined;
}

/** AdminCreateUserConfig.AllowAdminCreateUserOnly: only administrators create users. */
export function checkSelfSignUpAllowed(pool: UserPool): void {
  if (pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly === true) {
    throw new CognitoError('NotAuthorizedException', 'SignUp is not permitted for this user pool');
  }
}

/** What the caller passed for the triggers (SignUp's ValidationData and ClientMetadata). */
export interface TriggerInput {
  validationData?: Record<string, string> | undefined;
  clientMetadata?: Record<string, string> | undefined;
  /** The caller's address, for the SignUp auth event (src/threat-protection/). */
  sourceIp?: string | undefined;
}

/** SignUp: `username` as the caller gave it (an email or phone number in pools that sign in with those). */
export async function registerUser(
  deps: Pick<Deps, 'clock' | 'credentials' | 'messages' | 'store' | 'triggers' | 'verificationCodes'>,
  pool: UserPool,
  client: AppClient,
  username: string,
  password: string | undefined,
  attributes: Record<string, string>,
  input: TriggerInput = {},
): Promise<Registration> {
  checkSelfSignUpAllowed(pool);
  checkAttributeNames(pool, Object.keys(attributes));
  checkClientMayWrite(client, Object.keys(attributes));
  checkAttributeValues(attributes);
  // undefined: a passwordless user (pools whose first factors include one-time codes).
  if (password !== undefined) checkPasswordPolicy(password, pool);
  const risk = password !== undefined ? await screenNewPassword(deps, pool, client.ClientId, password, 'SIGN_UP') : undefined;
  const record = newUserRecord(deps, pool, username, attributes, 'User already exists');
  // A pre sign-up trigger may refuse the user, confirm it, or verify its email / phone number.
  const { sourceIp, ...triggerInput } = input;
  const decision = await preSignUp(deps, { pool, clientId: client.ClientId, source: 'PreSignUp_SignUp', user: record, ...triggerInput });
  for (const [flag, name] of [
    [decision.autoVerifyEmail, 'email'],
    [decision.autoVerifyPhone, 'phone_number'],
  ] as const) {
    if (!flag) continue;
    // "the attribute must be present … Otherwise an error will occur" (wording unconfirmed).
    if (record.Attributes[name] === undefined)
      throw new CognitoError('InvalidLambdaResponseException', `Cannot auto-verify ${name}: the user has no ${name} attribute`);
    record.Attributes[`${name}_verified`] = 'true';
  }
  if (decision.autoConfirmUser) record.UserStatus = 'CONFIRMED';
  const user = await insertNewUser(deps, pool, record, password, 'User already exists');
  await recordAuthEvent(deps, pool, user, {
    EventType: 'SignUp',
    EventResponse: 'Pass',
    ...(risk ? { EventRisk: risk } : {}),
    IpAddress: sourceIp,
    ClientId: client.ClientId,
  });
  // An auto-confirmed user has nothing to confirm: no code is sent.
  const delivery = decision.autoConfirmUser ? undefined : autoVerifyContact(pool, user);
  if (delivery) await sendRegistrationCode(deps, pool, client, user, delivery, 'SignUp', input.clientMetadata);
  return { user, delivery };
}

async function sendRegistrationCode(
  deps: Pick<Deps, 'clock' | 'messages' | 'store' | 'triggers' | 'verificationCodes'>,
  pool: UserPool,
  client: AppClient,
  user: User,
  delivery: Delivery,
  kind: 'SignUp' | 'ResendConfirmationCode',
  clientMetadata: Record<string, string> | undefined,
): Promise<void> {
  const code = deps.verificationCodes.issue(user.UserPoolId, user.Username, 'signUp', CONFIRMATION_CODE_TTL_MS, delivery.attribute);
  await sendMessage(deps, {
    pool,
    clientId: client.ClientId,
    user,
    kind,
    source: kind === 'SignUp' ? 'SignUp' : 'ResendCode',
    delivery,
    secret: { code },
    clientMetadata,
  });
}

/**
 * ConfirmSignUp. Wrong code → CodeMismatchException; too old or never sent → ExpiredCodeException.
 * Post confirmation runs once the user is confirmed: when it fails, the user stays confirmed and
 * the caller sees the trigger's error.
 */
export async function confirmRegistration(
  deps: Pick<Deps, 'clock' | 'store' | 'triggers' | 'verificationCodes'>,
  pool: UserPool,
  client: AppClient,
  user: User,
  code: string,
  clientMetadata?: Record<string, string>,
): Promise<User> {
  if (user.UserStatus !== 'UNCONFIRMED') {
    throw new CognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.UserStatus}`);
  }
  const checked = await deps.verificationCodes.check(pool.Id, user.Username, 'signUp', code);
  if (!checked.ok) throw checked.problem === 'mismatch' ? codeMismatch() : codeExpired();
  const attributes = { ...user.Attributes };
  if (checked.attribute !== undefined) attributes[`${checked.attribute}_verified`] = 'true';
  // A verified alias may not be taken by two users (ForceAliasCreation is not supported).
  const conflict = aliasConflict(deps.store, pool, user.Username, attributes);
  if (conflict) throw new CognitoError('AliasExistsException', aliasExistsMessage(conflict));
  const saved = await saveUser(deps, user, { UserStatus: 'CONFIRMED', Attributes: attributes });
  await postConfirmation(deps, pool, client.ClientId, saved, 'PostConfirmation_ConfirmSignUp', clientMetadata);
  return saved;
}

/** ResendConfirmationCode: a new code replaces the pending one. */
export async function resendRegistrationCode(
  deps: Pick<Deps, 'clock' | 'messages' | 'store' | 'triggers' | 'verificationCodes'>,
  pool: UserPool,
  client: AppClient,
  user: User,
  clientMetadata?: Record<string, string>,
): Promise<Delivery> {
  if (user.UserStatus !== 'UNCONFIRMED') throw new CognitoError('InvalidParameterException', 'User is already confirmed.');
  const delivery = autoVerifyContact(pool, user);
  if (!delivery) throw new CognitoError('InvalidParameterException', 'Cannot resend codes. Auto verification not turned on.');
  await sendRegistrationCode(deps, pool, client, user, delivery, 'ResendConfirmationCode', clientMetadata);
  return delivery;
}
