// Compromised-credentials protection where a password is chosen: SignUp (SIGN_UP), ChangePassword
// and ConfirmForgotPassword (PASSWORD_CHANGE). In an ENFORCED pool whose configuration says BLOCK
// for that kind of event, a password on the compromised list is refused with Cognito's
// InvalidPasswordException; otherwise the event records whether it was one.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-compromised-credentials.html
import type { Deps } from '../deps.js';
import type { User, UserPool } from '../domain/model.js';
import { CognitoError } from '../errors/cognito-error.js';
import { NO_RISK, recordAuthEvent, type EventRisk } from './auth-events.js';
import { COMPROMISED_PASSWORD } from './messages.js';
import { compromisedBlocks, isCompromised, threatMode, type EventFilter } from './settings.js';

/** Throws when the password must be refused; else the risk its event records (undefined: protection off). */
export async function screenNewPassword(
  deps: Pick<Deps, 'store' | 'clock'>,
  pool: UserPool,
  clientId: string | undefined,
  password: string,
  event: EventFilter,
  who?: { user: User; ip?: string | undefined },
): Promise<EventRisk | undefined> {
  const mode = threatMode(pool);
  if (mode === 'OFF') return undefined;
  const compromised = isCompromised(pool, password);
  if (compromised && mode === 'ENFORCED' && compromisedBlocks(pool, clientId ?? 'ALL', event)) {
    if (who) {
      await recordAuthEvent(deps, pool, who.user, {
        EventType: event === 'SIGN_UP' ? 'SignUp' : 'PasswordChange',
        EventResponse: 'Fail',
        EventRisk: { RiskDecision: 'Block', CompromisedCredentialsDetected: true },
        IpAddress: who.ip,
        ...(clientId !== undefined ? { ClientId: clientId } : {}),
      });
    }
    throw new CognitoError('InvalidPasswordException', COMPROMISED_PASSWORD);
  }
  return { ...NO_RISK, CompromisedCredentialsDetected: compromised };
}
