// UserPoolReplicaType: the pool in its own region (PRIMARY) or a replica of it (SECONDARY).
import type { UserPoolReplicaType } from '@aws-sdk/client-cognito-identity-provider';
import { regionOf } from '../../../domain/ids.js';
import type { UserPool, UserPoolReplica } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';
import { ACCOUNT_ID } from '../../region.js';

const replicaArn = (region: string, userPoolId: string) => `arn:aws:cognito-idp:${region}:${ACCOUNT_ID}:userpool/${userPoolId}`;

export const secondary = (pool: UserPool, r: UserPoolReplica, status: string = r.Status): Wire<UserPoolReplicaType> => ({
  RegionName: r.RegionName,
  Status: status,
  Role: 'SECONDARY',
  UserPoolArn: replicaArn(r.RegionName, pool.Id),
});

export const primary = (pool: UserPool): Wire<UserPoolReplicaType> => ({
  RegionName: regionOf(pool.Id),
  Status: 'ACTIVE',
  Role: 'PRIMARY',
  UserPoolArn: replicaArn(regionOf(pool.Id), pool.Id),
});
