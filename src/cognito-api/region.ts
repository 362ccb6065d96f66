// Where an emulated resource lives: the caller's region and the one account, and the ARNs built from them.
import { regionOf } from '../domain/ids.js';
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
