// Authenticator-app codes: RFC 6238 TOTP with the parameters authenticator apps assume when the
// otpauth:// URI names none (HMAC-SHA1, 6 digits, 30-second steps), which is the URI Amplify builds
// from AssociateSoftwareToken's SecretCode. Cognito "accepts TOTP tokens that are within 30 seconds
// before or after the attempt" and a code, once accepted, is not accepted again.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import { Secret, TOTP } from 'otpauth';
import type { SharedMaps } from '../domain/shared-map.js';
import { ExpiringMap } from '../domain/expiring-map.js';

const PERIOD_S = 30;

const totp = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_S });

/** A new 160-bit secret, base32 without padding (32 characters, Cognito's SecretCodeType pattern). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The code an authenticator app shows at `now` (epoch ms). */
export function totpCode(secret: string, now: number): string {
  return totp(secret).generate({ timestamp: now });
}

/** The time step the code belongs to (one step either side of now), or undefined when it is wrong. */
export function totpStep(secret: string, code: string, now: number): number | undefined {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  const delta = totp(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? undefined : Math.floor(now / 1000 / PERIOD_S) + delta;
}

/** Time steps already used per user, kept while a replay could still be accepted. */
export class UsedTotpSteps {
  private readonly used: ExpiringMap<true>;

  /** With replicas (`maps`), a code used at one is refused at the others. */
  constructor(
    private readonly now: () => number,
    maps?: SharedMaps,
  ) {
    this.used = new ExpiringMap(now, maps?.map('usedTotpSteps'));
  }

  /** Records the step; false when this user already used it. */
  claim(userPoolId: string, username: string, step: number): boolean {
    const key = `${userPoolId}\u0000${username}\u0000${step}`;
    if (this.used.get(key)) return false;
    this.used.set(key, true, this.now() + 3 * PERIOD_S * 1000);
    return true;
  }

  purge(): void {
    this.used.purge();
  }

  clear(): void {
    this.used.clear();
  }
}
