// Forgotten passwords, for the JSON API (ForgotPassword, ConfirmForgotPassword) and the hosted
// pages (/forgotPassword, /confirmForgotPassword): a reset code (1 h) to the verified contact the
// pool's AccountRecoverySetting names first (without it: the verified phone, else the verified
// email); the code sets a new password (the pool's policy), confirms a RESET_REQUIRED user and
// runs post confirmation. A name the pool does not have may be brought in by the migrate-user
// trigger (resetUser). Errors are Cognito's.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html
import type { Deps } from '../deps.js';
import type { AppClient, User, UserPool } from '../domain/model.js';
import { findSignInUser } from '../domain/users.js';
import { RESET_CODE_TTL_MS } from '../domain/verification-codes.js';
import { CognitoError } from '../errors/cognito-error.js';
import { NO_VERIFIED_CONTACT, recoveryContact, selfServiceRecoveryAllowed, type Delivery } from '../users/delivery.js';
import { sendMessage } from '../users/send-message.js';
import { checkPasswordPolicy, saveNewPassword } from '../users/user-records.js';
import { recordAuthEvent } from '../threat-protection/auth-events.js';
import { screenNewPassword } from '../threat-protection/new-password.js';
import { migrateUser, type MigrationDeps } from '../sign-in/migration.js';
import { postConfirmation } from '../triggers/sign-up.js';
import { codeExpired, codeMismatch } from './registration.js';
import { selfServiceUser } from './users.js';

const userDisabled = () => new CognitoError('NotAuthorizedException', 'User is disabled.');

/** AccountRecoverySetting admin_only: no self-service reset, whoever asks (moto's AWS-checked wording). */
export function checkSelfServiceRecovery(pool: UserPool): void {
  if (!selfServiceRecoveryAllowed(pool)) throw new CognitoError('NotAuthorizedException', 'Contact administrator to reset password.');
}

/**
 * ForgotPassword's user: the pool's, else one the migrate-user trigger brings in (created
 * RESET_REQUIRED), else undefined / UserNotFoundException as the client's existence errors say.
 */
export async function resetUser(
  deps: MigrationDeps,
  pool: UserPool,
  client: AppClient,
  login: string,
  clientMetadata?: Record<string, string>,
): Promise<User | undefined> {
  if (!findSignInUser(deps.store, pool, login)) {
    const metadata = { validationData: clientMetadata, clientMetadata };
    const migrated = await migrateUser({ deps, pool, client, metadata }, login, undefined, 'UserMigration_ForgotPassword');
    if (migrated) return migrated;
  }
  return selfServiceUser(deps, pool, client, login);
}

/** ForgotPassword. Users who never set their own password (FORCE_CHANGE_PASSWORD) cannot reset it. */
export async function sendResetCode(
  deps: Pick<Deps, 'clock' | 'messages' | 'store' | 'triggers' | 'verificationCodes'>,
  pool: UserPool,
  client: AppClient,
  user: User,
  clientMetadata?: Record<string, string>,
): Promise<Delivery> {
  checkSelfServiceRecovery(pool);
  if (!user.Enabled) throw userDisabled();
  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
    throw new CognitoError('NotAuthorizedException', 'User password cannot be reset in the current state.');
  }
  const delivery = recoveryContact(pool, user);
  if (!delivery) throw new CognitoError('InvalidParameterException', NO_VERIFIED_CONTACT);
  const code = deps.verificationCodes.issue(user.UserPoolId, user.Username, 'resetPassword', RESET_CODE_TTL_MS, delivery.attribute);
  await sendMessage(deps, {
    pool,
    clientId: client.ClientId,
    user,
    kind: 'ForgotPassword',
    source: 'ForgotPassword',
    delivery,
    secret: { code },
    clientMetadata,
  });
  await recordAuthEvent(deps, pool, user, { EventType: 'ForgotPassword', EventResponse: 'Pass', ClientId: client.ClientId });
  return delivery;
}

/** ConfirmForgotPassword. */
export async function resetPassword(
  deps: Pick<Deps, 'clock' | 'credentials' | 'store' | 'triggers' | 'verificationCodes'>,
  pool: UserPool,
  client: AppClient,
  user: User,
  code: string,
  password: string,
  clientMetadata?: Record<string, string>,
): Promise<User> {
  if (!user.Enabled) throw userDisabled();
  checkPasswordPolicy(password, pool);
  const risk = await screenNewPassword(deps, pool, client.ClientId, password, 'PASSWORD_CHANGE', { user });
  const checked = await deps.verificationCodes.check(pool.Id, user.Username, 'resetPassword', code);
  if (!checked.ok) throw checked.problem === 'mismatch' ? codeMismatch() : codeExpired();
  const saved = await saveNewPassword(deps, user, password, (current) => ({
    UserStatus: current.UserStatus === 'RESET_REQUIRED' ? 'CONFIRMED' : current.UserStatus,
  }));
  await recordAuthEvent(deps, pool, saved, {
    EventType: 'PasswordChange',
    EventResponse: 'Pass',
    ...(risk ? { EventRisk: risk } : {}),
    ClientId: client.ClientId,
  });
  await postConfirmation(deps, pool, client.ClientId, saved, 'PostConfirmation_ConfirmForgotPassword', clientMetadata);
  return saved;
}
