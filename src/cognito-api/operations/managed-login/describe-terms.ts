// DescribeTerms: a terms document by TermsId.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeTerms.html
import type { DescribeTermsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { termsId, termsOrThrow } from './terms-input.js';
import { termsType } from './terms-type.js';

export const describeTerms: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const id = termsId(input);
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return { Terms: termsType(termsOrThrow(pool, id)) } satisfies Wire<DescribeTermsResponse>;
  };
