// TagResource on a user pool's ARN: adds to the same tags as CreateUserPool's and
// DescribeUserPool's UserPoolTags
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TagResource.html).
import type { TagResourceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalStringMap } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { poolOfArn } from './resource-arn-input.js';

/** Cognito allows up to 50 tags on a user pool. */
const MAX_TAGS = 50;

export const tagResource: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOfArn(store, input);
    const tags = optionalStringMap(input, 'Tags') ?? {};
    const merged = { ...pool.UserPoolTags, ...tags };
    if (Object.keys(merged).length > MAX_TAGS) {
      // Wording unconfirmed.
      throw new CognitoError('InvalidParameterException', `A user pool can have at most ${MAX_TAGS} tags.`);
    }
    await store.putPool({ ...pool, UserPoolTags: merged, LastModifiedDate: clock.now() });
    return {} satisfies Wire<TagResourceResponse>;
  };
