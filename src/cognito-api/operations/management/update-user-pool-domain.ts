// UpdateUserPoolDomain: a new certificate for a custom domain, or another ManagedLoginVersion for
// either kind. Like the domains themselves this is informational: the emulator serves the classic
// hosted pages (version 1) whatever the version recorded.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolDomain.html
import type { UpdateUserPoolDomainResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalInteger, optionalStructure, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { emulatorHost } from './domain-type.js';

export const updateUserPoolDomain: Operation<'clock' | 'store' | 'urls'> =
  ({ store, clock, urls }) =>
  async (input) => {
    const domain = requiredString(input, 'Domain', 63);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const config = optionalStructure(input, 'CustomDomainConfig');
    const version = optionalInteger(input, 'ManagedLoginVersion', 1, 2);
    const custom = pool.CustomDomain === domain;
    if (!custom && pool.Domain !== domain) {
      throw new CognitoError('InvalidParameterException', 'No such domain or user pool exists.'); // wording unconfirmed
    }
    if (config && !custom) {
      // A prefix domain has no certificate (wording unconfirmed).
      throw new CognitoError('InvalidParameterException', 'CustomDomainConfig can only be updated for a custom domain.');
    }
    const certificateArn = config ? requiredString(config as Input, 'CertificateArn', 2048) : undefined;
    await store.putPool({
      ...pool,
      ...(certificateArn !== undefined ? { CustomDomainConfig: { CertificateArn: certificateArn } } : {}),
      ...(version !== undefined ? { ManagedLoginVersion: version } : {}),
      LastModifiedDate: clock.now(),
    });
    return {
      CloudFrontDomain: custom ? emulatorHost(urls) : undefined,
      ManagedLoginVersion: version ?? pool.ManagedLoginVersion ?? 1,
    } satisfies Wire<UpdateUserPoolDomainResponse>;
  };
