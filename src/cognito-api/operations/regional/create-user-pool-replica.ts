// CreateUserPoolReplica: multi-region user pools. A replica is a record of the pool in another
// region, with its own status and tags (ListUserPoolReplicas, UpdateUserPoolReplica and
// DeleteUserPoolReplica read and change it). Creation finishes at once here: Create answers
// CREATING, as Cognito does, and the replica then reads INACTIVE until activated. One emulator
// origin serves every region, so a replica changes nothing else
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolReplica.html).
import type { CreateUserPoolReplicaResponse } from '@aws-sdk/client-cognito-identity-provider';
import { regionOf } from '../../../domain/ids.js';
import type { UserPoolReplica } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalStringMap, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { recordIn, withRecord } from '../pool-records.js';
import { regionName } from './replica-input.js';
import { secondary } from './replica-type.js';

/** Cognito's limit of tags on a user pool. */
const MAX_TAGS = 50;

export const createUserPoolReplica: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const userPoolId = requiredString(input, 'UserPoolId', 55);
    const region = regionName(input);
    const tags = optionalStringMap(input, 'UserPoolTags') ?? {};
    const pool = poolOrThrow(store, userPoolId);
    if (Object.keys(tags).length > MAX_TAGS)
      throw new CognitoError('UserPoolTaggingException', `A user pool can have at most ${MAX_TAGS} tags.`);
    // Wordings unconfirmed.
    if (region === regionOf(pool.Id)) throw new CognitoError('InvalidParameterException', `User pool ${pool.Id} is already in ${region}.`);
    if (recordIn(pool.Replicas, region))
      throw new CognitoError('InvalidParameterException', `User pool ${pool.Id} already has a replica in ${region}.`);
    const replica: UserPoolReplica = { RegionName: region, Status: 'INACTIVE', UserPoolTags: tags, CreationDate: clock.now() };
    await store.putPool({ ...pool, Replicas: withRecord(pool.Replicas, region, replica) });
    return { UserPoolReplica: secondary(pool, replica, 'CREATING') } satisfies Wire<CreateUserPoolReplicaResponse>;
  };
