// User-pool domains are informational: one emulator origin serves the OAuth endpoints of every
// pool (README, What it serves), so a domain only records the name on the pool (DescribeUserPool's Domain /
// CustomDomain) and reports the emulator's own host where Cognito names its CloudFront target.
import type { DomainDescriptionType } from '@aws-sdk/client-cognito-identity-provider';
import type { Wire } from '../../operation.js';
import type { UserPool } from '../../../domain/model.js';
import type { Urls } from '../../../urls.js';
import { ACCOUNT_ID } from '../../region.js';

export const emulatorHost = (urls: Urls): string => new URL(urls.publicUrl).host;

export function poolWithDomain(pools: readonly UserPool[], domain: string): UserPool | undefined {
  return pools.find((p) => p.Domain === domain || p.CustomDomain === domain);
}

/** DomainDescriptionType. ManagedLoginVersion 1 = the classic hosted UI, which is what /login serves. */
export function domainDescription(pool: UserPool, domain: string, urls: Urls): Wire<DomainDescriptionType> {
  const custom = pool.CustomDomain === domain;
  return {
    UserPoolId: pool.Id,
    AWSAccountId: ACCOUNT_ID,
    Domain: domain,
    CloudFrontDistribution: emulatorHost(urls),
    Version: '1',
    Status: 'ACTIVE',
    CustomDomainConfig: custom && pool.CustomDomainConfig ? pool.CustomDomainConfig : undefined,
    ManagedLoginVersion: pool.ManagedLoginVersion ?? 1,
  };
}
