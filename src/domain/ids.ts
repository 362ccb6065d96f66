// Identifiers in Cognito's formats (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html).
import { randomBytes, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * aws-jwt-verify only accepts pool ids shaped like this
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html).
 */
export const POOL_ID_PATTERN = /^(?<region>[a-z]{2}-(?:gov-)?[a-z]+-\d)_[a-zA-Z0-9]+$/;

export function regionOf(userPoolId: string): string {
  return POOL_ID_PATTERN.exec(userPoolId)?.groups?.region ?? 'us-east-1';
}

/** `{region}_{9 mixed-case alphanumerics}`, like `us-east-1_6V8j4HU7f`. */
export function newUserPoolId(region = 'us-east-1'): string {
  const bytes = randomBytes(9);
  let suffix = '';
  for (const b of bytes) suffix += ALNUM[b % ALNUM.length];
  return `${region}_${suffix}`;
}

/** Lower-case base32hex of `bits` random bits, leading zeros dropped as Cognito does. */
function base32hex(bits: number): string {
  const n = BigInt(`0x${randomBytes(bits / 8).toString('hex')}`);
  return n.toString(32);
}

/** 26 chars of [0-9a-v] (128 random bits), e.g. `6tj4ekuni1b9sb91284hvkrb1u`. */
export function newClientId(): string {
  return base32hex(128).padStart(26, '0');
}

/** 51-52 chars of [0-9a-v] (256 random bits). */
export function newClientSecret(): string {
  return base32hex(256);
}

/** Lower-case UUID v4: codes, jti, origin_jti, event_id, sub, XSRF tokens. */
export const newUuid = (): string => randomUUID();
