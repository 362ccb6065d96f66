// Where codes and temporary passwords "go": the emulator records each message in deps.messages
// (GET /_emulator/messages) and answers with Cognito's CodeDeliveryDetails, destination masked.
// send-message.ts runs the custom message and custom sender triggers before recording.
import type { Deps } from '../deps.js';
import { authenticationMessage, codeMessage, fillMessage, invitationMessage, type MessageText } from '../domain/message-templates.js';
import type { User, UserPool } from '../domain/model.js';

export type ContactAttribute = 'email' | 'phone_number';

export interface Delivery {
  attribute: ContactAttribute;
  medium: 'EMAIL' | 'SMS';
  destination: string;
}

export const contactDelivery = (attribute: ContactAttribute, destination: string): Delivery => ({
  attribute,
  medium: attribute === 'email' ? 'EMAIL' : 'SMS',
  destination,
});

export function deliveryTo(user: User, attribute: ContactAttribute): Delivery | undefined {
  const destination = user.Attributes[attribute];
  return destination ? contactDelivery(attribute, destination) : undefined;
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

/** AdminResetUserPassword's and ForgotPassword's refusal when the user has nowhere to receive a code. */
export const NO_VERIFIED_CONTACT = 'Cannot reset password for the user as there is no registered/verified email or phone_number';

/**
 * Where a password-reset code goes under the pool's AccountRecoverySetting: its mechanisms in
 * priority order, the first verified one wins. Pools without the setting use Cognito's older rule
 * (verifiedContact). `admin_only` (no self-service) is the caller's to refuse; here it is skipped,
 * which is what AdminResetUserPassword needs.
 */
export function recoveryContact(pool: UserPool, user: User): Delivery | undefined {
  const mechanisms = (pool.AccountRecoverySetting?.RecoveryMechanisms ?? []).filter((m) => m.Name !== 'admin_only');
  if (mechanisms.length === 0) return verifiedContact(user);
  for (const m of mechanisms) {
    const attribute = m.Name === 'verified_email' ? 'email' : 'phone_number';
    if (user.Attributes[`${attribute}_verified`] === 'true') {
      const delivery = deliveryTo(user, attribute);
      if (delivery) return delivery;
    }
  }
  return undefined;
}

export const selfServiceRecoveryAllowed = (pool: UserPool): boolean =>
  pool.AccountRecoverySetting?.RecoveryMechanisms.some((m) => m.Name === 'admin_only') !== true;

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

/**
 * `a***@e***` and `+*******0100`, the masks Cognito shows. The email mask once kept the top-level
 * domain (`a***@e***.com`, still in the CLI examples); Cognito's answers today drop it.
 */
export function maskDestination(d: Delivery): string {
  if (d.medium === 'SMS') return `+${'*'.repeat(Math.max(d.destination.length - 5, 0))}${d.destination.slice(-4)}`;
  const at = d.destination.lastIndexOf('@');
  return `${d.destination.charAt(0)}***@${d.destination.charAt(at + 1)}***`;
}

/**
 * Records a message with the pool's template text. `custom`: the custom message trigger's texts
 * (placeholders still in them), which replace the template ones they are given for, or the custom
 * sender that took the message (recorded without text: the sender writes it).
 */
export function recordMessage(
  deps: Pick<Deps, 'messages' | 'clock' | 'store'>,
  user: User,
  trigger: string,
  d: Delivery,
  secret: { code: string } | { temporaryPassword: string },
  custom: { text?: Partial<MessageText>; sender?: 'CustomEmailSender' | 'CustomSMSSender'; authentication?: boolean } = {},
): void {
  const pool = deps.store.getPool(user.UserPoolId);
  const value = 'code' in secret ? secret.code : secret.temporaryPassword;
  // A sign-in code (MFA, passwordless) takes the pool's authentication texts.
  const template: MessageText = !('code' in secret)
    ? invitationMessage(pool, d.medium, value, user.Username)
    : custom.authentication === true
      ? authenticationMessage(pool, d.medium, value, user.Username)
      : codeMessage(pool, d.medium, value, user.Username);
  const fill = (text: string) => fillMessage(text, value, user.Username);
  const text =
    custom.sender !== undefined
      ? { sender: custom.sender }
      : {
          ...template,
          ...(custom.text?.message !== undefined ? { message: fill(custom.text.message) } : {}),
          ...(custom.text?.subject !== undefined && template.subject !== undefined ? { subject: fill(custom.text.subject) } : {}),
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
