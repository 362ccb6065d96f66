// ResendConfirmationCode: a new sign-up code replaces the pending one. Refused for confirmed users
// and in pools that verify nothing automatically (Cognito's wording).
import { CognitoError } from '../../../errors/cognito-error.js';
import { CONFIRMATION_CODE_TTL_MS } from '../../../domain/verification-codes.js';
import type { Operation } from '../../operation.js';
import { optionalStringMap } from '../../input.js';
import { autoVerifyContact, codeDeliveryDetails } from './delivery.js';
import { sendMessage } from './send-message.js';
import { hiddenDelivery, selfServiceCall, selfServiceUser } from './self-service.js';

export const resendConfirmationCode: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  const user = selfServiceUser(deps, call);
  if (!user) return { CodeDeliveryDetails: hiddenDelivery(call.username) };
  if (user.UserStatus !== 'UNCONFIRMED') throw new CognitoError('InvalidParameterException', 'User is already confirmed.');
  const delivery = autoVerifyContact(call.pool, user);
  if (!delivery) throw new CognitoError('InvalidParameterException', 'Cannot resend codes. Auto verification not turned on.');
  const code = deps.verificationCodes.issue(call.pool.Id, user.Username, 'signUp', CONFIRMATION_CODE_TTL_MS, delivery.attribute);
  await sendMessage(deps, {
    pool: call.pool, clientId: call.client.ClientId, user, kind: 'ResendConfirmationCode', source: 'ResendCode', delivery, secret: { code },
    clientMetadata: optionalStringMap(input, 'ClientMetadata'),
  });
  return { CodeDeliveryDetails: codeDeliveryDetails(delivery) };
};
