// CodeDeliveryDetailsType: where a code went (SignUp, ForgotPassword, ResendConfirmationCode,
// GetUserAttributeVerificationCode, UpdateUserAttributes), the destination masked as Cognito masks it.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CodeDeliveryDetailsType.html
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { maskDestination, type Delivery } from '../../../users/delivery.js';
import type { Wire } from '../../operation.js';

export function codeDeliveryType(d: Delivery): Wire<CodeDeliveryDetailsType> {
  return { AttributeName: d.attribute, DeliveryMedium: d.medium, Destination: maskDestination(d) };
}

/**
 * With PreventUserExistenceErrors ENABLED, ForgotPassword and ResendConfirmationCode answer for an
 * unknown user as if a code had been emailed (shape of the simulated answer unconfirmed; README).
 */
export function hiddenDelivery(username: string): Wire<CodeDeliveryDetailsType> {
  const destination = username.includes('@') ? username : `${username}@example.com`;
  return codeDeliveryType({ attribute: 'email', medium: 'EMAIL', destination });
}
