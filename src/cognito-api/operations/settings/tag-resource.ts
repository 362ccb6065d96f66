// TagResource / UntagResource / ListTagsForResource on a user pool's ARN: the same tags as
// CreateUserPool's and DescribeUserPool's UserPoolTags
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TagResource.html).
import type { ListTagsForResourceResponse, TagResourceResponse, UntagResourceResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Store } from '../../../store/store.js';
import { optionalStringList, optionalStringMap, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';

/** Cognito allows up to 50 tags on a user pool. */
const MAX_TAGS = 50;

function poolOfArn(store: Store, input: Record<string, unknown>): UserPool {
  const arn = requiredString(input, 'ResourceArn', 2048);
  const id = /^arn:aws[\w-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/([\w-]+_[0-9a-zA-Z]+)$/.exec(arn)?.[1];
  // Wording unconfirmed: an ARN of another kind of resource.
  if (id === undefined) throw new CognitoError('InvalidParameterException', `Invalid ARN: ${arn} is not the ARN of a user pool.`);
  return poolOrThrow(store, id);
}

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

export const untagResource: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOfArn(store, input);
    const keys = new Set(optionalStringList(input, 'TagKeys') ?? []);
    const kept = Object.fromEntries(Object.entries(pool.UserPoolTags ?? {}).filter(([k]) => !keys.has(k)));
    await store.putPool({ ...pool, UserPoolTags: kept, LastModifiedDate: clock.now() });
    return {} satisfies Wire<UntagResourceResponse>;
  };

export const listTagsForResource: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOfArn(store, input);
    return { Tags: { ...pool.UserPoolTags } } satisfies Wire<ListTagsForResourceResponse>;
  };
