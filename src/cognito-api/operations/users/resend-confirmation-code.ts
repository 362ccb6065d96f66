// ResendConfirmationCode: a new sign-up code replaces the pending one (src/self-service/registration.ts).
import { resendRegistrationCode } from '../../../self-service/registration.js';
import { optionalStringMap } from '../../input.js';
import type { Operation } from '../../operation.js';
import { codeDeliveryDetails } from '../../../users/delivery.js';
import { hiddenDelivery, selfServiceCall, selfServiceUser } from './self-service.js';

export const resendConfirmationCode: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  const user = selfServiceUser(deps, call);
  if (!user) return { CodeDeliveryDetails: hiddenDelivery(call.username) };
  return {
    CodeDeliveryDetails: codeDeliveryDetails(
      await resendRegistrationCode(deps, call.pool, call.client, user, optionalStringMap(input, 'ClientMetadata')),
    ),
  };
};
