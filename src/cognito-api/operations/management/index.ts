// Management operations: pools, app clients, resource servers, domains, groups and membership.
import type { Operation } from '../../operation.js';
import { addCustomAttributes } from './add-custom-attributes.js';
import { adminAddUserToGroup } from './admin-add-user-to-group.js';
import { adminListGroupsForUser } from './admin-list-groups-for-user.js';
import { adminRemoveUserFromGroup } from './admin-remove-user-from-group.js';
import { createGroup } from './create-group.js';
import { createResourceServer } from './create-resource-server.js';
import { createUserPool } from './create-user-pool.js';
import { createUserPoolClient } from './create-user-pool-client.js';
import { createUserPoolDomain } from './create-user-pool-domain.js';
import { deleteGroup } from './delete-group.js';
import { deleteResourceServer } from './delete-resource-server.js';
import { deleteUserPool } from './delete-user-pool.js';
import { deleteUserPoolClient } from './delete-user-pool-client.js';
import { deleteUserPoolDomain } from './delete-user-pool-domain.js';
import { describeResourceServer } from './describe-resource-server.js';
import { describeUserPool } from './describe-user-pool.js';
import { describeUserPoolClient } from './describe-user-pool-client.js';
import { describeUserPoolDomain } from './describe-user-pool-domain.js';
import { getGroup } from './get-group.js';
import { listGroups } from './list-groups.js';
import { listResourceServers } from './list-resource-servers.js';
import { listUserPoolClients } from './list-user-pool-clients.js';
import { listUserPools } from './list-user-pools.js';
import { listUsersInGroup } from './list-users-in-group.js';
import { updateGroup } from './update-group.js';
import { updateResourceServer } from './update-resource-server.js';
import { updateUserPool } from './update-user-pool.js';
import { updateUserPoolClient } from './update-user-pool-client.js';
import { updateUserPoolDomain } from './update-user-pool-domain.js';

export const MANAGEMENT_OPERATIONS: Record<string, Operation> = {
  CreateUserPool: createUserPool,
  DescribeUserPool: describeUserPool,
  ListUserPools: listUserPools,
  UpdateUserPool: updateUserPool,
  AddCustomAttributes: addCustomAttributes,
  DeleteUserPool: deleteUserPool,
  CreateUserPoolClient: createUserPoolClient,
  DescribeUserPoolClient: describeUserPoolClient,
  ListUserPoolClients: listUserPoolClients,
  UpdateUserPoolClient: updateUserPoolClient,
  DeleteUserPoolClient: deleteUserPoolClient,
  CreateResourceServer: createResourceServer,
  DescribeResourceServer: describeResourceServer,
  ListResourceServers: listResourceServers,
  UpdateResourceServer: updateResourceServer,
  DeleteResourceServer: deleteResourceServer,
  CreateUserPoolDomain: createUserPoolDomain,
  DescribeUserPoolDomain: describeUserPoolDomain,
  UpdateUserPoolDomain: updateUserPoolDomain,
  DeleteUserPoolDomain: deleteUserPoolDomain,
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  UpdateGroup: updateGroup,
  DeleteGroup: deleteGroup,
  AdminAddUserToGroup: adminAddUserToGroup,
  AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
  AdminListGroupsForUser: adminListGroupsForUser,
  ListUsersInGroup: listUsersInGroup,
};
