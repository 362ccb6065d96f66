// Helpers the management operations share: the caller's region, list pagination, ARNs.
import { regionOf } from '../domain/ids.js';
import { CognitoError } from '../errors/cognito-error.js';
import { invalid } from './input.js';
import type { OperationContext } from './operation.js';

/** The account every emulated resource belongs to (LocalStack's convention; unconfirmed choice). */
export const ACCOUNT_ID = '000000000000';

export const REGION_PATTERN = /^[a-z]{2}-(?:gov-)?[a-z]+-\d$/;

/**
 * The region the SDK signed for: SigV4's credential scope
 * (`Credential=AKID/20250101/eu-west-1/cognito-idp/aws4_request`). Real Cognito takes the region
 * from its endpoint host; one emulator origin serves every region, so the signature is the only
 * place the caller's region shows. Unsigned or odd requests get us-east-1.
 */
export function requestRegion(ctx: OperationContext): string {
  const header = ctx.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const region = value === undefined ? undefined : /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(value)?.[1];
  return region !== undefined && REGION_PATTERN.test(region) ? region : 'us-east-1';
}

export const poolArn = (userPoolId: string): string => `arn:aws:cognito-idp:${regionOf(userPoolId)}:${ACCOUNT_ID}:userpool/${userPoolId}`;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of `items` ordered by `key`. The token names the last key returned, so pages stay
 * consistent while records are added or deleted between calls. Tokens are opaque base64url.
 */
export function paginate<T>(items: readonly T[], key: (item: T) => string, limit: number, token: string | undefined): Page<T> {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  let after: string | undefined;
  if (token !== undefined) {
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
      if (typeof parsed.after === 'string') after = parsed.after;
    } catch {
      // handled below
    }
    // Wording unconfirmed: Cognito answers a forged token with InvalidParameterException.
    if (after === undefined) throw new CognitoError('InvalidParameterException', 'Invalid pagination token.');
  }
  const rest = after === undefined ? sorted : sorted.filter((item) => key(item) > after);
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return rest.length > limit && last !== undefined
    ? { items: page, nextToken: Buffer.from(JSON.stringify({ after: key(last) })).toString('base64url') }
    : { items: page };
}

/** Cognito's pattern-constraint failure for a field already known to be a string. */
export function checkPattern(name: string, value: string, pattern: RegExp, shown: string): string {
  if (!pattern.test(value)) throw invalid(name, value, `Member must satisfy regular expression pattern: ${shown}`);
  return value;
}
