// CreateUserPoolDomain: a prefix domain, or a custom domain when CustomDomainConfig is given.
// Domains are unique across pools; a pool has at most one of each kind.
import type { CreateUserPoolDomainResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { emulatorHost, poolWithDomain } from './domain-type.js';

/** Prefix domains: lower-case letters, digits and inner hyphens (Cognito's own error quotes this). */
const PREFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Custom domains: a fully qualified name made of such labels. */
const HOSTNAME_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const createUserPoolDomain: Operation<'clock' | 'store' | 'urls'> =
  ({ store, clock, urls }) =>
  async (input) => {
    const domain = requiredString(input, 'Domain', 63);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const config = input.CustomDomainConfig;
    const custom = config !== undefined && config !== null;
    const certificateArn = custom ? requiredString(config as Input, 'CertificateArn', 2048) : undefined;
    if (!custom && !PREFIX_PATTERN.test(domain)) {
      // Observed wording (mineiros-io/terraform-aws-cognito-user-pool#69).
      throw new CognitoError(
        'InvalidParameterException',
        'The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers, and hyphens. ' +
          'Please enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$',
      );
    }
    if (custom && !HOSTNAME_PATTERN.test(domain)) {
      throw new CognitoError('InvalidParameterException', `${domain} is not a valid domain name.`); // wording unconfirmed
    }
    if (poolWithDomain(store.listPools(), domain)) {
      // Observed wording (serverless/serverless#10135 and others).
      throw new CognitoError('InvalidParameterException', 'Domain already associated with another user pool.');
    }
    if ((custom ? pool.CustomDomain : pool.Domain) !== undefined) {
      throw new CognitoError('InvalidParameterException', 'User pool already has a domain configured.'); // wording unconfirmed
    }
    const updated = custom
      ? { ...pool, CustomDomain: domain, CustomDomainConfig: { CertificateArn: certificateArn as string } }
      : { ...pool, Domain: domain };
    await store.putPool({ ...updated, LastModifiedDate: clock.now() });
    // Cognito returns a CloudFront target for custom domains only (aws/aws-sdk-net#1591).
    return {
      CloudFrontDomain: custom ? emulatorHost(urls) : undefined,
      ManagedLoginVersion: 1,
    } satisfies Wire<CreateUserPoolDomainResponse>;
  };
