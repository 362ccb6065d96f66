// Token lifetimes from the client's validity settings
// (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html).
import type { AppClient, TimeUnit } from './model.js';

const SECONDS: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export const accessTokenSeconds = (c: AppClient) => c.AccessTokenValidity * SECONDS[c.TokenValidityUnits.AccessToken];
export const idTokenSeconds = (c: AppClient) => c.IdTokenValidity * SECONDS[c.TokenValidityUnits.IdToken];
export const refreshTokenSeconds = (c: AppClient) => c.RefreshTokenValidity * SECONDS[c.TokenValidityUnits.RefreshToken];

/** Cognito's defaults: 1 h access and ID tokens, 30-day refresh tokens. */
export const DEFAULT_VALIDITY = {
  AccessTokenValidity: 1,
  IdTokenValidity: 1,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
} as const;
