// DeleteUserPoolReplica: only an INACTIVE replica can be deleted, and only from the primary's region
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPoolReplica.html).
import type { DeleteUserPoolReplicaResponse } from '@aws-sdk/client-cognito-identity-provider';
import { regionOf } from '../../../domain/ids.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { requestRegion } from '../../region.js';
import { withoutRecord } from '../pool-records.js';
import { regionName, replicaOrThrow } from './replica-input.js';
import { secondary } from './replica-type.js';

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
