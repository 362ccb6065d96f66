// GetUserAttributeVerificationCode: a code (24 h) to the user's email or phone number, for
// VerifyUserAttribute.
import type { GetUserAttributeVerificationCodeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { CONFIRMATION_CODE_TTL_MS } from '../../../domain/verification-codes.js';
import { optionalStringMap, requiredString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';
import { contactDelivery, deliveryTo } from '../../../users/delivery.js';
import { sendMessage } from '../../../users/send-message.js';
import { codeDeliveryType } from './code-delivery-type.js';

export const getUserAttributeVerificationCode: Operation<
  'clock' | 'keys' | 'messages' | 'store' | 'triggers' | 'urls' | 'verificationCodes'
> = (deps) => async (input) => {
  const { user, pool, client } = await userFromAccessToken(deps, input);
  const name = requiredString(input, 'AttributeName', 32);
  if (name !== 'email' && name !== 'phone_number') {
    throw new CognitoError('InvalidParameterException', `Invalid attribute name: ${name} cannot be verified.`);
  }
  // A value waiting for verification (AttributesRequireVerificationBeforeUpdate) is the one to verify.
  const waiting = user.PendingAttributes?.[name];
  const delivery = waiting !== undefined ? contactDelivery(name, waiting) : deliveryTo(user, name);
  // Wording unconfirmed (README).
  if (!delivery) throw new CognitoError('InvalidParameterException', `The user has no ${name} to verify.`);
  const code = deps.verificationCodes.issue(user.UserPoolId, user.Username, `verify:${name}`, CONFIRMATION_CODE_TTL_MS, name);
  await sendMessage(deps, {
    pool,
    clientId: client.ClientId,
    user,
    kind: 'GetUserAttributeVerificationCode',
    source: 'VerifyUserAttribute',
    delivery,
    secret: { code },
    clientMetadata: optionalStringMap(input, 'ClientMetadata'),
  });
  return { CodeDeliveryDetails: codeDeliveryType(delivery) } satisfies Wire<GetUserAttributeVerificationCodeResponse>;
};
