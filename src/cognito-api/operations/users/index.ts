import type { Operation } from '../../operation.js';
import { adminGetUser } from './admin-get-user.js';

export const USER_OPERATIONS: Record<string, Operation> = {
  AdminGetUser: adminGetUser,
};
