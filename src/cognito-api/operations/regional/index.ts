// Account- and region-level operations: provisioned API rates and multi-region user pools.
import type { Operation } from '../../operation.js';
import { getProvisionedLimit, updateProvisionedLimit } from './update-provisioned-limit.js';
import { createUserPoolReplica, deleteUserPoolReplica, listUserPoolReplicas, updateUserPoolReplica } from './create-user-pool-replica.js';

export const REGIONAL_OPERATIONS: Record<string, Operation> = {
  GetProvisionedLimit: getProvisionedLimit,
  UpdateProvisionedLimit: updateProvisionedLimit,
  CreateUserPoolReplica: createUserPoolReplica,
  ListUserPoolReplicas: listUserPoolReplicas,
  UpdateUserPoolReplica: updateUserPoolReplica,
  DeleteUserPoolReplica: deleteUserPoolReplica,
};
