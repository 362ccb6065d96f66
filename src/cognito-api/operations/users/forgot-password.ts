// ForgotPassword: a reset code to the user's recovery contact (src/self-service/password-reset.ts,
// shared with the hosted /forgotPassword page); refused in admin_only pools, whoever asks. An
// unknown name may be migrated first.
import type { ForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkSelfServiceRecovery, resetUser, sendResetCode } from '../../../self-service/password-reset.js';
import { optionalStringMap } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { selfServiceCall } from './self-service-input.js';
import { codeDeliveryType, hiddenDelivery } from './code-delivery-type.js';

export const forgotPassword: Operation<'clock' | 'credentials' | 'messages' | 'store' | 'triggers' | 'verificationCodes'> =
  (deps) => async (input) => {
    const call = selfServiceCall(deps, input);
    checkSelfServiceRecovery(call.pool);
    const clientMetadata = optionalStringMap(input, 'ClientMetadata');
    const user = await resetUser(deps, call.pool, call.client, call.username, clientMetadata);
    if (!user) return { CodeDeliveryDetails: hiddenDelivery(call.username) } satisfies Wire<ForgotPasswordResponse>;
    const delivery = await sendResetCode(deps, call.pool, call.client, user, clientMetadata);
    return { CodeDeliveryDetails: codeDeliveryType(delivery) } satisfies Wire<ForgotPasswordResponse>;
  };
