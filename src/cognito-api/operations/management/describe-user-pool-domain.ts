// DescribeUserPoolDomain: an unknown domain is not an error; Cognito answers an empty
// DomainDescription (tools such as Terraform test for that; unconfirmed beyond them).
import type { DescribeUserPoolDomainResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { domainDescription, poolWithDomain } from './domain-type.js';

export const describeUserPoolDomain: Operation<'store' | 'urls'> =
  ({ store, urls }) =>
  async (input) => {
    const domain = requiredString(input, 'Domain', 63);
    const pool = poolWithDomain(store.listPools(), domain);
    return { DomainDescription: pool ? domainDescription(pool, domain, urls) : {} } satisfies Wire<DescribeUserPoolDomainResponse>;
  };
