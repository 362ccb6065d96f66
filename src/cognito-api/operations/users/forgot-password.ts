// ForgotPassword: a reset code to the user's recovery contact (src/self-service/password-reset.ts,
// shared with the hosted /forgotPassword page); refused in admin_only pools, whoever asks. An
// unknown name may be migrated first.
import { checkSelfServiceRecovery, resetUser, sendResetCode } from '../../../self-service/password-reset.js';
import { optionalStringMap } from '../../input.js';
import type { Operation } from '../../operation.js';
import { codeDeliveryDetails } from '../../../users/delivery.js';
import { hiddenDelivery, selfServiceCall } from './self-service.js';

export const forgotPassword: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  checkSelfServiceRecovery(call.pool);
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  const user = await resetUser(deps, call.pool, call.client, call.username, clientMetadata);
  if (!user) return { CodeDeliveryDetails: hiddenDelivery(call.username) };
  return { CodeDeliveryDetails: codeDeliveryDetails(await sendResetCode(deps, call.pool, call.client, user, clientMetadata)) };
};
