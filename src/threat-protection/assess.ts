// What threat protection makes of a sign-in whose password (or SRP proof) is right, in order:
//   the source IP in BlockedIPRangeList → blocked;
//   a compromised password (password flows only: SRP never shows it) with the compromised-
//   credentials action BLOCK for SIGN_IN → blocked;
//   the source IP in SkippedIPRangeList → no risk scored;
//   otherwise the account-takeover risk: the level a test declared for this sign-in
//   (POST /_emulator/risk), whose configured action applies — BLOCK, MFA_REQUIRED (MFA, or
//   blocked for a user without a factor), MFA_IF_CONFIGURED (MFA when the user has a factor),
//   NO_ACTION — with a notification email when the action says Notify.
// Only ENFORCED pools act; AUDIT pools record the same risk and let the sign-in through.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-adaptive-authentication.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-compromised-credentials.html
import type { Deps } from '../deps.js';
import { newUuid } from '../domain/ids.js';
import type { AppClient, User, UserPool } from '../domain/model.js';
import { userFactors } from '../mfa/factors.js';
import { NO_RISK, type EventRisk } from './auth-events.js';
import { notifyTakeover } from './notify.js';
import { compromisedBlocks, inRanges, isCompromised, riskSettings, threatMode, type TakeoverAction } from './settings.js';

export interface Assessment {
  /** The sign-in's auth event id, decided now so a notification can name it. */
  eventId: string;
  risk: EventRisk;
  /** block: refused; mfa: a second factor is required whatever the pool's MFA setting. */
  verdict: 'allow' | 'mfa' | 'block';
}

export interface AssessedSignIn {
  deps: Pick<Deps, 'clock' | 'keys' | 'messages' | 'riskOverrides'>;
  pool: UserPool;
  client: AppClient;
  sourceIp?: string | undefined;
}

/** undefined when the pool's threat protection is off. */
export async function assessSignIn(ctx: AssessedSignIn, user: User, password: string | undefined): Promise<Assessment | undefined> {
  const mode = threatMode(ctx.pool);
  if (mode === 'OFF') return undefined;
  const enforced = mode === 'ENFORCED';
  const settings = riskSettings(ctx.pool, ctx.client.ClientId);
  const exceptions = settings.RiskExceptionConfiguration;
  const eventId = newUuid();
  const compromised = password !== undefined && isCompromised(ctx.pool, password);
  if (inRanges(ctx.sourceIp, exceptions?.BlockedIPRangeList)) {
    return { eventId, risk: { RiskDecision: 'Block', CompromisedCredentialsDetected: compromised }, verdict: enforced ? 'block' : 'allow' };
  }
  if (compromised && compromisedBlocks(ctx.pool, ctx.client.ClientId, 'SIGN_IN')) {
    return { eventId, risk: { RiskDecision: 'Block', CompromisedCredentialsDetected: true }, verdict: enforced ? 'block' : 'allow' };
  }
  const skipped = inRanges(ctx.sourceIp, exceptions?.SkippedIPRangeList);
  const level = skipped ? undefined : ctx.deps.riskOverrides.consume(ctx.pool.Id, user.Username);
  if (level === undefined) return { eventId, risk: { ...NO_RISK, CompromisedCredentialsDetected: compromised }, verdict: 'allow' };
  const risk: EventRisk = { RiskDecision: 'AccountTakeover', RiskLevel: level, CompromisedCredentialsDetected: compromised };
  const action = settings.AccountTakeoverRiskConfiguration?.Actions?.[`${level}Action`];
  if (!enforced || !action?.EventAction) return { eventId, risk, verdict: 'allow' };
  const verdict = takeoverVerdict(action.EventAction, userFactors(ctx.pool, user).length > 0);
  if (action.Notify)
    await notifyTakeover(ctx, user, {
      eventId,
      verdict,
      notifyConfiguration: settings.AccountTakeoverRiskConfiguration?.NotifyConfiguration,
    });
  return { eventId, risk, verdict };
}

function takeoverVerdict(action: TakeoverAction, hasFactor: boolean): Assessment['verdict'] {
  switch (action) {
    case 'BLOCK':
      return 'block';
    case 'MFA_REQUIRED':
      return hasFactor ? 'mfa' : 'block';
    case 'MFA_IF_CONFIGURED':
      return hasFactor ? 'mfa' : 'allow';
    case 'NO_ACTION':
      return 'allow';
  }
}
