// CreateUserPoolReplica, ListUserPoolReplicas, UpdateUserPoolReplica, DeleteUserPoolReplica:
// multi-region user pools. A replica is a record of the pool in another region, with its own status
// and tags. Creation finishes at once here: Create answers CREATING, as Cognito does, and the replica
// then reads INACTIVE until activated; only an INACTIVE replica can be deleted, from the primary's
// region. One emulator origin serves every region, so a replica changes nothing else
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolReplica.html,
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPoolReplica.html).
import type {
  CreateUserPoolReplicaResponse,
  DeleteUserPoolReplicaResponse,
  ListUserPoolReplicasResponse,
  UpdateUserPoolReplicaResponse,
  UserPoolReplicaType,
} from '@aws-sdk/client-cognito-identity-provider';
import { regionOf } from '../../../domain/ids.js';
import type { UserPool, UserPoolReplica } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalEnum, optionalString, optionalStringMap, requiredString, invalid } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { ACCOUNT_ID, REGION_PATTERN, paginate, requestRegion } from '../management/common.js';
import { recordIn, withRecord, withoutRecord } from '../pool-records.js';

/** Cognito's limit of tags on a user pool. */
const MAX_TAGS = 50;

const replicaArn = (region: string, userPoolId: string) => `arn:aws:cognito-idp:${region}:${ACCOUNT_ID}:userpool/${userPoolId}`;

function regionName(input: Input): string {
  const region = requiredString(input, 'RegionName', 32);
  if (region.length < 5) throw invalid('RegionName', region, 'Member must have length greater than or equal to 5');
  // Wording unconfirmed: a name that is no AWS region.
  if (!REGION_PATTERN.test(region)) throw new CognitoError('InvalidParameterException', `${region} is not a valid AWS Region.`);
  return region;
}

function replicaOrThrow(pool: UserPool, region: string): UserPoolReplica {
  const replica = recordIn(pool.Replicas, region);
  // Wording unconfirmed.
  if (!replica) throw new CognitoError('ResourceNotFoundException', `User pool ${pool.Id} has no replica in ${region}.`);
  return replica;
}

const secondary = (pool: UserPool, r: UserPoolReplica, status: string = r.Status): Wire<UserPoolReplicaType> => ({
  RegionName: r.RegionName,
  Status: status,
  Role: 'SECONDARY',
  UserPoolArn: replicaArn(r.RegionName, pool.Id),
});

const primary = (pool: UserPool): Wire<UserPoolReplicaType> => ({
  RegionName: regionOf(pool.Id),
  Status: 'ACTIVE',
  Role: 'PRIMARY',
  UserPoolArn: replicaArn(regionOf(pool.Id), pool.Id),
});

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

export const listUserPoolReplicas: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const all = [primary(pool), ...Object.values(pool.Replicas ?? {}).map((r) => secondary(pool, r))];
    // The primary first, then the replicas by region.
    const page = paginate(all, (r) => `${r.Role === 'PRIMARY' ? 0 : 1}${r.RegionName}`, 60, optionalString(input, 'NextToken', 131072));
    return {
      UserPoolReplicas: page.items,
      NextToken: page.nextToken,
    } satisfies Wire<ListUserPoolReplicasResponse>;
  };

export const updateUserPoolReplica: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const userPoolId = requiredString(input, 'UserPoolId', 55);
    const region = regionName(input);
    const status = optionalEnum(input, 'Status', ['ACTIVE', 'INACTIVE'] as const);
    if (status === undefined) throw invalid('Status', undefined, 'Member must not be null');
    const pool = poolOrThrow(store, userPoolId);
    // Wording unconfirmed: the primary is always active.
    if (region === regionOf(pool.Id))
      throw new CognitoError('InvalidParameterException', `${region} is the primary region of user pool ${pool.Id}.`);
    const replica = { ...replicaOrThrow(pool, region), Status: status };
    await store.putPool({ ...pool, Replicas: withRecord(pool.Replicas, region, replica) });
    return { UserPoolReplica: secondary(pool, replica) } satisfies Wire<UpdateUserPoolReplicaResponse>;
  };

export const deleteUserPoolReplica: Operation<'store'> =
  ({ store }) =>
  async (input, ctx) => {
    const userPoolId = requiredString(input, 'UserPoolId', 55);
    const region = regionName(input);
    const pool = poolOrThrow(store, userPoolId);
    if (region === regionOf(pool.Id))
      throw new CognitoError('InvalidParameterException', `${region} is the primary region of user pool ${pool.Id}.`);
    const replica = replicaOrThrow(pool, region);
    // Wordings unconfirmed.
    if (requestRegion(ctx) !== regionOf(pool.Id)) {
      throw new CognitoError(
        'InvalidParameterException',
        `Replicas of user pool ${pool.Id} are deleted from its primary region, ${regionOf(pool.Id)}.`,
      );
    }
    if (replica.Status !== 'INACTIVE') {
      throw new CognitoError('InvalidParameterException', `The replica in ${region} must be INACTIVE to be deleted.`);
    }
    await store.putPool({ ...pool, Replicas: withoutRecord(pool.Replicas, region) });
    return { UserPoolReplica: secondary(pool, replica, 'DELETING') } satisfies Wire<DeleteUserPoolReplicaResponse>;
  };
