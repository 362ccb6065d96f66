// AdminResetUserPassword: the user must reset the password (RESET_REQUIRED; sign-in answers
// PasswordResetRequiredException) with a code sent to the verified phone, else the verified email,
// usable with ConfirmForgotPassword for 1 h. Without a verified contact Cognito refuses.
import type { AdminResetUserPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { RESET_CODE_TTL_MS } from '../../../domain/verification-codes.js';
import { optionalStringMap } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { NO_VERIFIED_CONTACT, recoveryContact } from '../../../users/delivery.js';
import { sendMessage } from '../../../users/send-message.js';
import { saveUser } from '../../../users/user-records.js';

export const adminResetUserPassword: Operation<'clock' | 'messages' | 'store' | 'triggers' | 'verificationCodes'> =
  (deps) => async (input) => {
    const { pool, user } = namedUser(deps.store, input);
    if (!user.Enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
    const delivery = recoveryContact(pool, user);
    if (!delivery) throw new CognitoError('InvalidParameterException', NO_VERIFIED_CONTACT);
    const saved = await saveUser(deps, user, { UserStatus: 'RESET_REQUIRED' });
    const code = deps.verificationCodes.issue(pool.Id, saved.Username, 'resetPassword', RESET_CODE_TTL_MS, delivery.attribute);
    await sendMessage(deps, {
      pool,
      clientId: undefined,
      user: saved,
      kind: 'AdminResetUserPassword',
      source: 'ForgotPassword',
      delivery,
      secret: { code },
      clientMetadata: optionalStringMap(input, 'ClientMetadata'),
    });
    return {} satisfies Wire<AdminResetUserPasswordResponse>;
  };
