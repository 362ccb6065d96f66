import type { DeleteUserPoolDomainResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';

export const deleteUserPoolDomain: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const domain = requiredString(input, 'Domain', 63);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const { Domain, CustomDomain, CustomDomainConfig, ...rest } = pool;
    if (Domain === domain) {
      await store.putPool({
        ...rest,
        ...(CustomDomain !== undefined ? { CustomDomain } : {}),
        ...(CustomDomainConfig !== undefined ? { CustomDomainConfig } : {}),
        LastModifiedDate: clock.now(),
      });
    } else if (CustomDomain === domain) {
      await store.putPool({ ...rest, ...(Domain !== undefined ? { Domain } : {}), LastModifiedDate: clock.now() });
    } else {
      throw new CognitoError('InvalidParameterException', 'No such domain or user pool exists.'); // wording unconfirmed
    }
    return {} satisfies Wire<DeleteUserPoolDomainResponse>;
  };
