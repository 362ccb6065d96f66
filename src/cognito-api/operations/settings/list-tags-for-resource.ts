// ListTagsForResource on a user pool's ARN: the pool's UserPoolTags.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListTagsForResource.html
import type { ListTagsForResourceResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, Wire } from '../../operation.js';
import { poolOfArn } from './resource-arn-input.js';

export const listTagsForResource: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOfArn(store, input);
    return { Tags: { ...pool.UserPoolTags } } satisfies Wire<ListTagsForResourceResponse>;
  };
