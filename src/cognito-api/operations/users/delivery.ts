// Where codes and temporary passwords "go": the emulator records each message in deps.messages
// (GET /_emulator/messages) and answers with Cognito's CodeDeliveryDetails, destination masked.
// send-message.ts runs the custom message and custom sender triggers before recording.
import type { Deps } from '../../../deps.js';
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

export interface MessageText {
  message: string;
  /** Email only. */
  subject?: string;
}

/** Cognito's default texts; `{####}` stands for the code or temporary password, `{username}` for the user name. */
function defaultText(secret: { code: string } | { temporaryPassword: string }, medium: 'EMAIL' | 'SMS'): MessageText {
  const text = 'code' in secret
    ? { message: 'Your verification code is {####}.', subject: 'Your verification code' }
    : { message: 'Your username is {username} and temporary password is {####}.', subject: 'Your temporary password' };
  return medium === 'EMAIL' ? text : { message: text.message };
}

/** Fills `{####}` and `{username}`; replacer functions, so `$&` and friends in a code or name stay literal. */
export const fillMessage = (template: string, secret: string, username: string): string =>
  template.replaceAll('{####}', () => secret).replaceAll('{username}', () => username);

/**
 * Records a message. `custom`: the custom message trigger's texts (placeholders still in them),
 * which replace the default ones they are given for, or the custom sender that took the message
 * (recorded without text: the sender writes it).
 */
export function recordMessage(
  deps: Pick<Deps, 'messages' | 'clock'>, user: User, trigger: string, d: Delivery,
  secret: { code: string } | { temporaryPassword: string },
  custom: { text?: Partial<MessageText>; sender?: 'CustomEmailSender' | 'CustomSMSSender' } = {},
): void {
  const value = 'code' in secret ? secret.code : secret.temporaryPassword;
  const template = { ...defaultText(secret, d.medium), ...custom.text };
  const text = custom.sender !== undefined ? { sender: custom.sender } : {
    message: fillMessage(template.message, value, user.Username),
    ...(template.subject !== undefined ? { subject: fillMessage(template.subject, value, user.Username) } : {}),
  };
  deps.messages.add({
    userPoolId: user.UserPoolId,
    username: user.Username,
    trigger,
    deliveryMedium: d.medium,
    destination: d.destination,
    ...secret,
    ...text,
    createdAt: deps.clock.now(),
  });
}
