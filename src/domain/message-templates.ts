// The text of each message the emulator records: the pool's own templates (VerificationMessageTemplate
// and its older top-level twins for codes, AdminCreateUserConfig.InviteMessageTemplate for
// invitations), else Cognito's default texts. `{####}` stands for the code or temporary password,
// `{username}` for the user name.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-message-customizations.html
import type { UserPool } from './model.js';

export interface MessageText {
  subject?: string;
  message: string;
}

const DEFAULT_CODE_MESSAGE = 'Your verification code is {####}.';
const DEFAULT_CODE_SUBJECT = 'Your verification code';
const DEFAULT_INVITE_MESSAGE = 'Your username is {username} and temporary password is {####}.';
const DEFAULT_INVITE_SUBJECT = 'Your temporary password';

/** A verification code (sign-up, attribute verification, password reset). */
export function codeMessage(pool: UserPool | undefined, medium: 'EMAIL' | 'SMS', code: string, username: string): MessageText {
  const t = pool?.VerificationMessageTemplate;
  if (medium === 'SMS')
    return { message: fillMessage(t?.SmsMessage ?? pool?.SmsVerificationMessage ?? DEFAULT_CODE_MESSAGE, code, username) };
  return {
    subject: t?.EmailSubject ?? pool?.EmailVerificationSubject ?? DEFAULT_CODE_SUBJECT,
    message: fillMessage(t?.EmailMessage ?? pool?.EmailVerificationMessage ?? DEFAULT_CODE_MESSAGE, code, username),
  };
}

const DEFAULT_AUTH_MESSAGE = 'Your authentication code is {####}.';
const DEFAULT_AUTH_SUBJECT = 'Your authentication code';

/** A sign-in code (SMS or email MFA, passwordless OTP): SmsAuthenticationMessage, EmailMfaConfiguration. */
export function authenticationMessage(pool: UserPool | undefined, medium: 'EMAIL' | 'SMS', code: string, username: string): MessageText {
  if (medium === 'SMS') return { message: fillMessage(pool?.SmsAuthenticationMessage ?? DEFAULT_AUTH_MESSAGE, code, username) };
  const t = pool?.EmailMfaConfiguration;
  return { subject: t?.Subject ?? DEFAULT_AUTH_SUBJECT, message: fillMessage(t?.Message ?? DEFAULT_AUTH_MESSAGE, code, username) };
}

/** AdminCreateUser's invitation with the temporary password. */
export function invitationMessage(pool: UserPool | undefined, medium: 'EMAIL' | 'SMS', password: string, username: string): MessageText {
  const t = pool?.AdminCreateUserConfig?.InviteMessageTemplate;
  if (medium === 'SMS') return { message: fillMessage(t?.SMSMessage ?? DEFAULT_INVITE_MESSAGE, password, username) };
  return {
    subject: t?.EmailSubject ?? DEFAULT_INVITE_SUBJECT,
    message: fillMessage(t?.EmailMessage ?? DEFAULT_INVITE_MESSAGE, password, username),
  };
}

// Replacer functions, so `$&` and friends in a code or name are inserted literally.
export const fillMessage = (template: string, secret: string, username: string): string =>
  template.replaceAll('{####}', () => secret).replaceAll('{username}', () => username);
