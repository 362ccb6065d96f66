// UpdateUserPoolReplica: activates or deactivates a replica (the primary is always active).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolReplica.html
import type { UpdateUserPoolReplicaResponse } from '@aws-sdk/client-cognito-identity-provider';
import { regionOf } from '../../../domain/ids.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { invalid, optionalEnum, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { withRecord } from '../pool-records.js';
import { regionName, replicaOrThrow } from './replica-input.js';
import { secondary } from './replica-type.js';

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
