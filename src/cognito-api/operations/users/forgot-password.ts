// ForgotPassword: a reset code (1 h) to the verified contact the pool's AccountRecoverySetting
// names first (without the setting: the verified phone, else the verified email; API reference).
// Users who never set their own password (FORCE_CHANGE_PASSWORD) cannot reset it (Cognito's wording).
import { CognitoError } from '../../../errors/cognito-error.js';
import { RESET_CODE_TTL_MS } from '../../../domain/verification-codes.js';
import type { Operation } from '../../operation.js';
import { NO_VERIFIED_CONTACT } from './admin-reset-user-password.js';
import { findSignInUser } from '../../../domain/users.js';
import { migrateUser } from '../../../sign-in/migration.js';
import { optionalStringMap } from '../../input.js';
import { codeDeliveryDetails, recoveryContact, selfServiceRecoveryAllowed } from './delivery.js';
import { sendMessage } from './send-message.js';
import { hiddenDelivery, selfServiceCall, selfServiceUser } from './self-service.js';

export const forgotPassword: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  // AccountRecoverySetting admin_only: no self-service reset, whoever asks (moto's AWS-checked wording).
  if (!selfServiceRecoveryAllowed(call.pool)) throw new CognitoError('NotAuthorizedException', 'Contact administrator to reset password.');
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  // A user the pool does not have yet may come from the migrate-user trigger (created RESET_REQUIRED).
  const migrated = findSignInUser(deps.store, call.pool, call.username) ? undefined : await migrateUser(
    { deps, pool: call.pool, client: call.client, metadata: { validationData: clientMetadata, clientMetadata } },
    call.username, undefined, 'UserMigration_ForgotPassword',
  );
  const user = migrated ?? selfServiceUser(deps, call);
  if (!user) return { CodeDeliveryDetails: hiddenDelivery(call.username) };
  if (!user.Enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
    throw new CognitoError('NotAuthorizedException', 'User password cannot be reset in the current state.');
  }
  const delivery = recoveryContact(call.pool, user);
  if (!delivery) throw new CognitoError('InvalidParameterException', NO_VERIFIED_CONTACT);
  const code = deps.verificationCodes.issue(call.pool.Id, user.Username, 'resetPassword', RESET_CODE_TTL_MS, delivery.attribute);
  await sendMessage(deps, {
    pool: call.pool, clientId: call.client.ClientId, user, kind: 'ForgotPassword', source: 'ForgotPassword', delivery, secret: { code },
    clientMetadata,
  });
  return { CodeDeliveryDetails: codeDeliveryDetails(delivery) };
};
