// Where codes and temporary passwords "go" (send-message.ts records them in deps.messages for
// GET /_emulator/messages) and Cognito's CodeDeliveryDetails, destination masked.
import type { User, UserPool } from '../../../domain/model.js';

export type ContactAttribute = 'email' | 'phone_number';

export interface Delivery {
  attribute: ContactAttribute;
  medium: 'EMAIL' | 'SMS';
  destination: string;
}

export function deliveryTo(user: User, attribute: ContactAttribute): Delivery | undefined {
  const destination = user.Attributes[attribute];
  if (!destination) return undefined;
  return { attribute, medium: attribute === 'email' ? 'EMAIL' : 'SMS', destination };
}

/**
 * ForgotPassword / AdminResetUserPassword: "If a verified phone number exists for the user, the
 * confirmation code is sent to the phone number. Otherwise, if a verified email exists, the
 * confirmation code is sent to the email" (API reference, ForgotPassword).
 */
export function verifiedContact(user: User): Delivery | undefined {
  for (const attribute of ['phone_number', 'email'] as const) {
    if (user.Attributes[`${attribute}_verified`] === 'true') {
      const delivery = deliveryTo(user, attribute);
      if (delivery) return delivery;
    }
  }
  return undefined;
}

/** SignUp / ResendConfirmationCode: the pool's auto-verified attribute, phone first when both are. */
export function autoVerifyContact(pool: UserPool, user: User): Delivery | undefined {
  for (const attribute of ['phone_number', 'email'] as const) {
    if (pool.AutoVerifiedAttributes.includes(attribute)) {
      const delivery = deliveryTo(user, attribute);
      if (delivery) return delivery;
    }
  }
  return undefined;
}

/** `a***@e***.com` and `+*******0100`, the masks Cognito shows (phone form unconfirmed; README). */
export function maskDestination(d: Delivery): string {
  if (d.medium === 'SMS') return `+${'*'.repeat(Math.max(d.destination.length - 5, 0))}${d.destination.slice(-4)}`;
  const [local = '', domain = ''] = d.destination.split('@');
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local.charAt(0)}***@${domain.charAt(0)}***${tld}`;
}

export function codeDeliveryDetails(d: Delivery): Record<string, string> {
  return { AttributeName: d.attribute, DeliveryMedium: d.medium, Destination: maskDestination(d) };
}
