// Operations on an app client's credentials and sessions: secret rotation, session settings and
// machine-to-machine tokens.
import type { Operation } from '../../operation.js';
import { addUserPoolClientSecret, deleteUserPoolClientSecret, listUserPoolClientSecrets } from './client-secrets.js';

export const CLIENT_OPERATIONS: Record<string, Operation> = {
  AddUserPoolClientSecret: addUserPoolClientSecret,
  ListUserPoolClientSecrets: listUserPoolClientSecrets,
  DeleteUserPoolClientSecret: deleteUserPoolClientSecret,
};
