// ForgotPassword: a reset code to the user's recovery contact (src/self-service/password-reset.ts,
// shared with the hosted /forgotPassword page); refused in admin_only pools, whoever asks.
import { checkSelfServiceRecovery, sendResetCode } from '../../../self-service/password-reset.js';
import type { Operation } from '../../operation.js';
import { codeDeliveryDetails } from './delivery.js';
import { hiddenDelivery, selfServiceCall, selfServiceUser } from './self-service.js';

export const forgotPassword: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  checkSelfServiceRecovery(call.pool);
  const user = selfServiceUser(deps, call);
  if (!user) return { CodeDeliveryDetails: hiddenDelivery(call.username) };
  return { CodeDeliveryDetails: codeDeliveryDetails(sendResetCode(deps, call.pool, user)) };
};
