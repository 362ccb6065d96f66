// Custom message and custom sender triggers (AWS developer guide, "Custom message Lambda trigger",
// "Custom email sender Lambda trigger", "Custom SMS sender Lambda trigger").
import type { TriggerDeps } from './runtime.js';
import type { User, UserPool } from '../domain/model.js';
import { unrecognizableOutput } from './errors.js';
import { eventAttributes, triggerEvent } from './event.js';

export type MessageSource =
  | 'SignUp'
  | 'AdminCreateUser'
  | 'ResendCode'
  | 'ForgotPassword'
  | 'UpdateUserAttribute'
  | 'VerifyUserAttribute'
  | 'Authentication';

interface MessageCall {
  pool: UserPool;
  clientId: string | undefined;
  user: User;
  source: MessageSource;
  delivery: { medium: 'EMAIL' | 'SMS' };
  clientMetadata?: Record<string, string> | undefined;
}

export interface CustomText {
  smsMessage?: string;
  emailMessage?: string;
  emailSubject?: string;
}

/**
 * The trigger's text, with the placeholders it was given ({####} for the code or temporary
 * password, {username} for AdminCreateUser) still in it; null fields keep Cognito's default.
 */
export async function customMessage(deps: TriggerDeps, m: MessageCall): Promise<CustomText | undefined> {
  const response = await deps.triggers.invoke(
    m.pool,
    'CustomMessage',
    triggerEvent(
      m.pool,
      m.clientId,
      `CustomMessage_${m.source}`,
      m.user.Username,
      {
        userAttributes: eventAttributes(m.pool, m.user),
        codeParameter: '{####}',
        linkParameter: '{##Click Here##}',
        usernameParameter: m.source === 'AdminCreateUser' ? '{username}' : null,
        ...(m.clientMetadata ? { clientMetadata: m.clientMetadata } : {}),
      },
      { smsMessage: null, emailMessage: null, emailSubject: null },
    ),
  );
  if (!response) return undefined;
  const text: CustomText = {};
  for (const name of ['smsMessage', 'emailMessage', 'emailSubject'] as const) {
    const value = response[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw unrecognizableOutput();
    text[name] = value;
  }
  return text;
}

/**
 * Hands the message to the pool's custom sender for its medium, if it has one, and says which.
 * Cognito encrypts `code` with the pool's KMSKeyID (AWS Encryption SDK); offline there is no KMS,
 * so the emulator passes the code (or temporary password) in plain text: a handler under test
 * skips its decrypt step. Invoked asynchronously, as by Cognito: failures are only logged.
 */
export function customSender(deps: TriggerDeps, m: MessageCall, secret: string): 'CustomEmailSender' | 'CustomSMSSender' | undefined {
  const trigger = m.delivery.medium === 'EMAIL' ? 'CustomEmailSender' : 'CustomSMSSender';
  const invoked = deps.triggers.invokeAsync(
    m.pool,
    trigger,
    triggerEvent(
      m.pool,
      m.clientId,
      `${trigger}_${m.source}`,
      m.user.Username,
      {
        type: trigger === 'CustomEmailSender' ? 'customEmailSenderRequestV1' : 'customSMSSenderRequestV1',
        code: secret,
        clientMetadata: m.clientMetadata ?? {},
        userAttributes: eventAttributes(m.pool, m.user),
      },
      {},
    ),
  );
  return invoked ? trigger : undefined;
}
