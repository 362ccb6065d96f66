// The account-takeover notification email (NotifyConfiguration): BlockEmail when the sign-in was
// blocked, MfaEmail when it had to pass MFA, NoActionEmail otherwise; the pool's template when
// given, else a plain default. Recorded like every message (GET /_emulator/messages), with the
// FeedbackToken its "this was me / this wasn't me" links carry.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyConfigurationType.html
import type { Deps } from '../deps.js';
import type { User, UserPool } from '../domain/model.js';
import { feedbackToken } from './feedback-token.js';

interface Template {
  Subject?: string;
  TextBody?: string;
  HtmlBody?: string;
}

const DEFAULTS: Record<'block' | 'mfa' | 'allow', { key: string; subject: string; text: string }> = {
  block: {
    key: 'BlockEmail',
    subject: 'Blocked sign-in attempt',
    text: 'We blocked an unrecognized sign-in to your account {username} from {ip-address} at {login-time}.',
  },
  mfa: {
    key: 'MfaEmail',
    subject: 'New sign-in attempt',
    text: 'We required you to use multi-factor authentication for a sign-in to {username} from {ip-address} at {login-time}.',
  },
  allow: {
    key: 'NoActionEmail',
    subject: 'New sign-in attempt',
    text: 'We observed an unrecognized sign-in to your account {username} from {ip-address} at {login-time}.',
  },
};

export async function notifyTakeover(
  ctx: { deps: Pick<Deps, 'clock' | 'keys' | 'messages'>; pool: UserPool; sourceIp?: string | undefined },
  user: User,
  what: { eventId: string; verdict: 'allow' | 'mfa' | 'block'; notifyConfiguration: Record<string, unknown> | undefined },
): Promise<void> {
  const email = user.Attributes.email;
  const sub = user.Attributes.sub;
  if (email === undefined || sub === undefined) return;
  const fallback = DEFAULTS[what.verdict];
  const template = (what.notifyConfiguration?.[fallback.key] ?? {}) as Template;
  const fill = (text: string) =>
    text
      .replaceAll('{username}', user.Username)
      .replaceAll('{ip-address}', ctx.sourceIp ?? 'unknown')
      .replaceAll('{login-time}', new Date(ctx.deps.clock.now()).toISOString());
  const token = await feedbackToken(ctx.deps.keys, ctx.pool.Id, sub, what.eventId);
  ctx.deps.messages.add({
    userPoolId: ctx.pool.Id,
    username: user.Username,
    trigger: 'AccountTakeoverNotification',
    deliveryMedium: 'EMAIL',
    destination: email,
    message: fill(template.TextBody ?? fallback.text),
    subject: fill(template.Subject ?? fallback.subject),
    ...(token !== undefined ? { feedbackToken: token } : {}),
    createdAt: ctx.deps.clock.now(),
  });
}
