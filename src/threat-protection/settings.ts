// Threat protection's settings as sign-in reads them: the pool's mode (UserPoolAddOns), the risk
// configuration in force for an app client (SetRiskConfiguration: the client's own, else the
// pool-wide one), the compromised-password list and the IP exception lists.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { UserPool } from '../domain/model.js';

export type ThreatMode = 'OFF' | 'AUDIT' | 'ENFORCED';

/** OFF records nothing; AUDIT records auth events with their risk; ENFORCED also acts on the risk configuration. */
export const threatMode = (pool: UserPool): ThreatMode => pool.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF';

export type EventFilter = 'SIGN_IN' | 'SIGN_UP' | 'PASSWORD_CHANGE';
export type TakeoverAction = 'BLOCK' | 'MFA_IF_CONFIGURED' | 'MFA_REQUIRED' | 'NO_ACTION';
export interface ActionSetting {
  Notify?: boolean;
  EventAction?: TakeoverAction;
}

interface RiskSettings {
  CompromisedCredentialsRiskConfiguration?: { EventFilter?: EventFilter[]; Actions?: { EventAction?: 'BLOCK' | 'NO_ACTION' } };
  AccountTakeoverRiskConfiguration?: {
    NotifyConfiguration?: Record<string, unknown>;
    Actions?: { LowAction?: ActionSetting; MediumAction?: ActionSetting; HighAction?: ActionSetting };
  };
  RiskExceptionConfiguration?: { BlockedIPRangeList?: string[]; SkippedIPRangeList?: string[] };
}

/** The risk configuration in force for a client: its own, else the pool-wide ('ALL') one, else none. */
export function riskSettings(pool: UserPool, clientId: string): RiskSettings {
  const all = pool.RiskConfigurations ?? {};
  const found = Object.hasOwn(all, clientId) ? all[clientId] : Object.hasOwn(all, 'ALL') ? all.ALL : undefined;
  return (found?.Settings ?? {}) as RiskSettings;
}

/**
 * Passwords the emulator treats as found in public breaches: this short list of famously leaked
 * ones (exact match), plus the pool's own `CompromisedPasswords` (fixtures). Real Cognito checks
 * against its own breach corpus, which is not published.
 */
export const BUILT_IN_COMPROMISED_PASSWORDS: readonly string[] = [
  'password',
  'Password1',
  'Password1!',
  'Password123',
  'Password123!',
  'P@ssw0rd',
  'P@ssw0rd1',
  'P@ssword1',
  '123456',
  '12345678',
  '123456789',
  '1234567890',
  'qwerty',
  'Qwerty123',
  'Qwerty123!',
  'abc123',
  'iloveyou',
  'letmein',
  'Letmein1!',
  'welcome',
  'Welcome1',
  'Welcome1!',
  'admin',
  'Admin123!',
  'monkey',
  'dragon',
  '111111',
];
const BUILT_IN = new Set(BUILT_IN_COMPROMISED_PASSWORDS);

export function isCompromised(pool: UserPool, password: string): boolean {
  return BUILT_IN.has(password) || (pool.CompromisedPasswords ?? []).includes(password);
}

/** Whether compromised-credentials protection blocks this kind of event (EventFilter absent: every kind). */
export function compromisedBlocks(pool: UserPool, clientId: string, event: EventFilter): boolean {
  const config = riskSettings(pool, clientId).CompromisedCredentialsRiskConfiguration;
  if (config?.Actions?.EventAction !== 'BLOCK') return false;
  return config.EventFilter === undefined || config.EventFilter.includes(event);
}

/** Whether `ip` is in one of the CIDR ranges (malformed ranges or addresses match nothing). */
export function inRanges(ip: string | undefined, ranges: readonly string[] | undefined): boolean {
  if (ip === undefined || !ranges || ranges.length === 0) return false;
  const family = isIPv4(ip) ? 'ipv4' : isIPv6(ip) ? 'ipv6' : undefined;
  if (!family) return false;
  const list = new BlockList();
  for (const range of ranges) {
    const [net, bits] = range.split('/');
    const prefix = Number(bits);
    if (net === undefined || !Number.isInteger(prefix)) continue;
    const rangeFamily = isIPv4(net) ? 'ipv4' : isIPv6(net) ? 'ipv6' : undefined;
    if (rangeFamily) list.addSubnet(net, prefix, rangeFamily);
  }
  return list.check(ip, family);
}
