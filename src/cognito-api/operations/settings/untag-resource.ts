// UntagResource on a user pool's ARN: removes tags by key.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UntagResource.html
import type { UntagResourceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalStringList } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { poolOfArn } from './resource-arn-input.js';

export const untagResource: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOfArn(store, input);
    const keys = new Set(optionalStringList(input, 'TagKeys') ?? []);
    const kept = Object.fromEntries(Object.entries(pool.UserPoolTags ?? {}).filter(([k]) => !keys.has(k)));
    await store.putPool({ ...pool, UserPoolTags: kept, LastModifiedDate: clock.now() });
    return {} satisfies Wire<UntagResourceResponse>;
  };
