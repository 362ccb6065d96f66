// Sending a code or temporary password: Cognito's default text, or the custom message trigger's,
// or a custom sender trigger instead of Cognito (AWS developer guide, "Custom message Lambda
// trigger", "Custom sender Lambda triggers"), then recorded by recordMessage (delivery.ts) with its
// text, so tests read what the user would have received.
import type { Deps } from '../deps.js';
import type { User, UserPool } from '../domain/model.js';
import { customMessage, customSender, type MessageSource } from '../triggers/messages.js';
import { recordMessage, type Delivery } from './delivery.js';

export interface OutgoingMessage {
  pool: UserPool;
  clientId: string | undefined;
  user: User;
  /** How /_emulator/messages names it (SignUp, ResendConfirmationCode, AdminResetUserPassword, …). */
  kind: string;
  /** The trigger source suffix (CustomMessage_SignUp, CustomEmailSender_SignUp, …). */
  source: MessageSource;
  delivery: Delivery;
  secret: { code: string } | { temporaryPassword: string };
  clientMetadata?: Record<string, string> | undefined;
}

export async function sendMessage(deps: Pick<Deps, 'messages' | 'clock' | 'store' | 'triggers'>, m: OutgoingMessage): Promise<void> {
  const secret = 'code' in m.secret ? m.secret.code : m.secret.temporaryPassword;
  const sender = customSender(deps, m, secret);
  if (sender) {
    recordMessage(deps, m.user, m.kind, m.delivery, m.secret, { sender });
    return;
  }
  const custom = await customMessage(deps, m);
  const email = m.delivery.medium === 'EMAIL';
  const message = email ? custom?.emailMessage : custom?.smsMessage;
  recordMessage(deps, m.user, m.kind, m.delivery, m.secret, {
    authentication: m.source === 'Authentication',
    text: {
      ...(message !== undefined ? { message } : {}),
      ...(email && custom?.emailSubject !== undefined ? { subject: custom.emailSubject } : {}),
    },
  });
}
