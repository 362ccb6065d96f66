// The user pool a tagging request's ResourceArn names (TagResource, UntagResource,
// ListTagsForResource): only user pools carry tags here.
import type { UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Store } from '../../../store/store.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';

export function poolOfArn(store: Store, input: Record<string, unknown>): UserPool {
  const arn = requiredString(input, 'ResourceArn', 2048);
  const id = /^arn:aws[\w-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/([\w-]+_[0-9a-zA-Z]+)$/.exec(arn)?.[1];
  // Wording unconfirmed: an ARN of another kind of resource.
  if (id === undefined) throw new CognitoError('InvalidParameterException', `Invalid ARN: ${arn} is not the ARN of a user pool.`);
  return poolOrThrow(store, id);
}
