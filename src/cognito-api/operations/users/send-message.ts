// Sending a code or temporary password: Cognito's default text, or the custom message trigger's,
// or a custom sender trigger instead of Cognito (AWS developer guide, "Custom message Lambda
// trigger", "Custom sender Lambda triggers"). Every message is recorded in deps.messages
// (GET /_emulator/messages) with its text, so tests read what the user would have received.
import type { Deps } from '../../../deps.js';
import { authenticationMessage, codeMessage, invitationMessage, type MessageText } from '../../../domain/message-templates.js';
import type { User, UserPool } from '../../../domain/model.js';
import { customMessage, customSender, type MessageSource } from '../../../triggers/messages.js';
import type { Delivery } from './delivery.js';

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

const CODE = '{####}';
const USERNAME = '{username}';

/** The pool's templates, else Cognito's default texts (domain/message-templates.ts). */
function defaults(m: OutgoingMessage, secret: string): MessageText {
  if (m.source === 'AdminCreateUser') return invitationMessage(m.pool, m.delivery.medium, secret, m.user.Username);
  if (m.source === 'Authentication') return authenticationMessage(m.pool, m.delivery.medium, secret, m.user.Username);
  return codeMessage(m.pool, m.delivery.medium, secret, m.user.Username);
}

export async function sendMessage(deps: Pick<Deps, 'messages' | 'clock' | 'triggers'>, m: OutgoingMessage): Promise<void> {
  const secret = 'code' in m.secret ? m.secret.code : m.secret.temporaryPassword;
  const record = {
    userPoolId: m.user.UserPoolId, username: m.user.Username, trigger: m.kind,
    deliveryMedium: m.delivery.medium, destination: m.delivery.destination, ...m.secret,
  };
  const sender = customSender(deps, m, secret);
  if (sender) {
    deps.messages.add({ ...record, sender, createdAt: deps.clock.now() });
    return;
  }
  const template = defaults(m, secret);
  const custom = await customMessage(deps, m);
  const email = m.delivery.medium === 'EMAIL';
  // Replacer functions, so `$&` and friends in a code or name are inserted literally.
  const fill = (value: string) => value.replaceAll(CODE, () => secret).replaceAll(USERNAME, () => m.user.Username);
  const text = (email ? custom?.emailMessage : custom?.smsMessage);
  const subject = custom?.emailSubject ?? template.subject;
  deps.messages.add({
    ...record,
    message: text !== undefined ? fill(text) : template.message,
    ...(email && subject !== undefined ? { subject: custom?.emailSubject !== undefined ? fill(subject) : subject } : {}),
    createdAt: deps.clock.now(),
  });
}
