// The emulator sends no email or SMS: every message it would send (confirmation codes, temporary
// passwords, reset codes) is kept here, readable through GET /_emulator/messages, and logged
// without its secret part. Bounded, oldest dropped first; shared between replicas.
import { randomUUID } from 'node:crypto';
import { SharedMaps, type SharedMap } from './shared-map.js';

export interface Message {
  userPoolId: string;
  username: string;
  /** e.g. SignUp, ResendConfirmationCode, ForgotPassword, AdminCreateUser, AdminResetUserPassword */
  trigger: string;
  deliveryMedium: 'EMAIL' | 'SMS';
  destination: string;
  code?: string;
  temporaryPassword?: string;
  /** The text as it would be sent, secret included: the pool's template or a custom message trigger's (domain/message-templates.ts). */
  message?: string;
  /** Email only. */
  subject?: string;
  /** Account-takeover notifications: the token of their feedback links (UpdateAuthEventFeedback). */
  feedbackToken?: string;
  /** Set when a custom sender trigger was given the message to send instead of Cognito. */
  sender?: 'CustomEmailSender' | 'CustomSMSSender';
  createdAt: number;
}

const MAX_MESSAGES = 1000;

export class Messages {
  /** Random id → message, oldest first (a Map keeps insertion order). */
  private readonly list: SharedMap<Message>;

  constructor(maps?: SharedMaps) {
    this.list = (maps ?? new SharedMaps()).map('messages');
  }

  add(message: Message): void {
    this.list.set(randomUUID(), message);
    if (this.list.size > MAX_MESSAGES) this.list.delete(this.list.keys().next().value as string);
  }

  find(filter: { userPoolId?: string; username?: string }): Message[] {
    return [...this.list.values()].filter(
      (m) =>
        (filter.userPoolId === undefined || m.userPoolId === filter.userPoolId) &&
        (filter.username === undefined || m.username === filter.username),
    );
  }

  clear(): void {
    this.list.clear();
  }

  /** Messages stay until reset (the test reads them). */
  purge(): void {}
}
