// ListTerms: TermsDescriptionType items of the pool, MaxResults 1-60.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListTerms.html
import type { ListTermsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalInteger, optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { paginate } from '../../pagination.js';

export const listTerms: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const limit = optionalInteger(input, 'MaxResults', 1, 60) ?? 60;
    const page = paginate(Object.values(pool.Terms ?? {}), (t) => t.TermsId, limit, optionalString(input, 'NextToken', 131072));
    return {
      Terms: page.items.map((t) => ({
        TermsId: t.TermsId,
        TermsName: t.TermsName,
        Enforcement: t.Enforcement,
        CreationDate: seconds(t.CreationDate),
        LastModifiedDate: seconds(t.LastModifiedDate),
      })),
      NextToken: page.nextToken,
    } satisfies Wire<ListTermsResponse>;
  };
