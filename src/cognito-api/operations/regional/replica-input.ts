// The RegionName of a replica request, and the replica it names.
import type { UserPool, UserPoolReplica } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { invalid, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';
import { REGION_PATTERN } from '../../region.js';
import { recordIn } from '../pool-records.js';

export function regionName(input: Input): string {
  const region = requiredString(input, 'RegionName', 32);
  if (region.length < 5) throw invalid('RegionName', region, 'Member must have length greater than or equal to 5');
  // Wording unconfirmed: a name that is no AWS region.
  if (!REGION_PATTERN.test(region)) throw new CognitoError('InvalidParameterException', `${region} is not a valid AWS Region.`);
  return region;
}

export function replicaOrThrow(pool: UserPool, region: string): UserPoolReplica {
  const replica = recordIn(pool.Replicas, region);
  // Wording unconfirmed.
  if (!replica) throw new CognitoError('ResourceNotFoundException', `User pool ${pool.Id} has no replica in ${region}.`);
  return replica;
}
