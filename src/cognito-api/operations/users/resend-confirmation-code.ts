// ResendConfirmationCode: a new sign-up code replaces the pending one (src/self-service/registration.ts).
import type { ResendConfirmationCodeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { resendRegistrationCode } from '../../../self-service/registration.js';
import { optionalStringMap } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { selfServiceCall, selfServiceUser } from './self-service-input.js';
import { codeDeliveryType, hiddenDelivery } from './code-delivery-type.js';

export const resendConfirmationCode: Operation<'clock' | 'messages' | 'store' | 'triggers' | 'verificationCodes'> =
  (deps) => async (input) => {
    const call = selfServiceCall(deps, input);
    const user = selfServiceUser(deps, call);
    if (!user) return { CodeDeliveryDetails: hiddenDelivery(call.username) } satisfies Wire<ResendConfirmationCodeResponse>;
    const delivery = await resendRegistrationCode(deps, call.pool, call.client, user, optionalStringMap(input, 'ClientMetadata'));
    return { CodeDeliveryDetails: codeDeliveryType(delivery) } satisfies Wire<ResendConfirmationCodeResponse>;
  };
