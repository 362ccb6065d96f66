// ForgotPassword: a reset code to the user's verified contact (src/self-service/password-reset.ts,
// shared with the hosted /forgotPassword page); an unknown name may be migrated first.
import { resetUser, sendResetCode } from '../../../self-service/password-reset.js';
import { optionalStringMap } from '../../input.js';
import type { Operation } from '../../operation.js';
import { codeDeliveryDetails } from './delivery.js';
import { hiddenDelivery, selfServiceCall } from './self-service.js';

export const forgotPassword: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  const user = await resetUser(deps, call.pool, call.client, call.username, clientMetadata);
  if (!user) return { CodeDeliveryDetails: hiddenDelivery(call.username) };
  return { CodeDeliveryDetails: codeDeliveryDetails(await sendResetCode(deps, call.pool, call.client, user, clientMetadata)) };
};
