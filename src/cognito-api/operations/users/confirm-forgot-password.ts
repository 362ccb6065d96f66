// ConfirmForgotPassword: the reset code from ForgotPassword / AdminResetUserPassword sets a new
// password (src/self-service/password-reset.ts, shared with the hosted /confirmForgotPassword page).
import type { ConfirmForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { resetPassword } from '../../../self-service/password-reset.js';
import { codeMismatch } from '../../../self-service/registration.js';
import { optionalStringMap, requiredString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { selfServiceCall, selfServiceUser } from './self-service-input.js';

export const confirmForgotPassword: Operation<'clock' | 'credentials' | 'store' | 'triggers' | 'verificationCodes'> =
  (deps) => async (input) => {
    const call = selfServiceCall(deps, input);
    const code = requiredString(input, 'ConfirmationCode', 2048);
    const password = requiredString(input, 'Password', 256);
    const user = selfServiceUser(deps, call);
    if (!user) throw codeMismatch();
    await resetPassword(deps, call.pool, call.client, user, code, password, optionalStringMap(input, 'ClientMetadata'));
    return {} satisfies Wire<ConfirmForgotPasswordResponse>;
  };
