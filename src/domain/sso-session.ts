// Session tracking and the SSO session of the hosted pages. By default the `cognito` cookie's
// session lasts one hour and any app client of the pool reuses it silently. Once a pool turns
// session tracking on (SetUserPoolSessionConfiguration), each app client reuses it only for its
// SSOSession.MaxValidityMinutes since the user's last fresh authentication (default 60, 0 = never,
// at most 90 days), and the session lives as long as the longest of those
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ClientSSOSessionConfigType.html,
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserPoolSessionConfiguration.html).
import type { AppClient, SessionConfiguration, UserPool } from './model.js';

/** What GetUserPoolSessionConfiguration answers for a pool that never set one. */
export const DEFAULT_SESSION_CONFIGURATION: SessionConfiguration = Object.freeze({
  UserSessionTracking: 'DISABLED',
  TokenSession: Object.freeze({ MaxPerUser: 20 }),
}) as SessionConfiguration;

/** ClientSSOSessionConfigType's default. */
export const DEFAULT_SSO_MAX_VALIDITY_MINUTES = 60;

/** The hosted-UI session's life without session tracking (the login endpoint's one hour). */
export const SESSION_SECONDS = 3600;

export const sessionConfiguration = (pool: UserPool): SessionConfiguration => pool.SessionConfiguration ?? DEFAULT_SESSION_CONFIGURATION;

export const tracksSessions = (pool: UserPool): boolean => sessionConfiguration(pool).UserSessionTracking === 'ENABLED';

export const ssoMaxValidityMinutes = (client: AppClient): number =>
  client.SSOSession?.MaxValidityMinutes ?? DEFAULT_SSO_MAX_VALIDITY_MINUTES;

/** Whether `client` may silently reuse a session whose user last signed in at `authTime` (epoch seconds). */
export function reusesSession(pool: UserPool, client: AppClient, authTime: number, nowSeconds: number): boolean {
  if (!tracksSessions(pool)) return true;
  return nowSeconds - authTime < ssoMaxValidityMinutes(client) * 60;
}

/** How long a new hosted-UI session of the pool lives, in seconds. */
export function sessionSeconds(pool: UserPool, clients: readonly AppClient[]): number {
  if (!tracksSessions(pool)) return SESSION_SECONDS;
  return Math.max(SESSION_SECONDS, ...clients.map((c) => ssoMaxValidityMinutes(c) * 60));
}
