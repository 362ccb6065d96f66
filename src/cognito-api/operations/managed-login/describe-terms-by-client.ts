// DescribeTermsByClient: an app client's terms document of one kind (TermsName).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeTermsByClient.html
import type { DescribeTermsByClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { termsName } from './terms-input.js';
import { termsType } from './terms-type.js';

export const describeTermsByClient: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const clientId = requiredString(input, 'ClientId', 128);
    const name = termsName(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    clientOrThrow(store, clientId, pool.Id);
    const terms = Object.values(pool.Terms ?? {}).find((t) => t.ClientId === clientId && t.TermsName === name);
    // Wording unconfirmed.
    if (!terms) throw new CognitoError('ResourceNotFoundException', `Terms ${name} do not exist for client ${clientId}.`);
    return { Terms: termsType(terms) } satisfies Wire<DescribeTermsByClientResponse>;
  };
