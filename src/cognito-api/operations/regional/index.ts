// Account- and region-level operations: provisioned API rates and multi-region user pools.
import type { Operation } from '../../operation.js';
import { createUserPoolReplica } from './create-user-pool-replica.js';
import { deleteUserPoolReplica } from './delete-user-pool-replica.js';
import { getProvisionedLimit } from './get-provisioned-limit.js';
import { listUserPoolReplicas } from './list-user-pool-replicas.js';
import { updateProvisionedLimit } from './update-provisioned-limit.js';
import { updateUserPoolReplica } from './update-user-pool-replica.js';

export const REGIONAL_OPERATIONS: Record<string, Operation> = {
  GetProvisionedLimit: getProvisionedLimit,
  UpdateProvisionedLimit: updateProvisionedLimit,
  CreateUserPoolReplica: createUserPoolReplica,
  ListUserPoolReplicas: listUserPoolReplicas,
  UpdateUserPoolReplica: updateUserPoolReplica,
  DeleteUserPoolReplica: deleteUserPoolReplica,
};
