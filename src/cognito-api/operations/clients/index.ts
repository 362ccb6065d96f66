// Operations on an app client's credentials and sessions: secret rotation, session settings and
// machine-to-machine tokens.
import type { Operation } from '../../operation.js';
import { addUserPoolClientSecret } from './add-user-pool-client-secret.js';
import { deleteUserPoolClientSecret } from './delete-user-pool-client-secret.js';
import { listUserPoolClientSecrets } from './list-user-pool-client-secrets.js';
import { getClientToken } from './get-client-token.js';
import { getUserPoolClientSessionConfiguration } from './get-user-pool-client-session-configuration.js';
import { getUserPoolSessionConfiguration } from './get-user-pool-session-configuration.js';
import { setUserPoolClientSessionConfiguration } from './set-user-pool-client-session-configuration.js';
import { setUserPoolSessionConfiguration } from './set-user-pool-session-configuration.js';

export const CLIENT_OPERATIONS: Record<string, Operation> = {
  AddUserPoolClientSecret: addUserPoolClientSecret,
  ListUserPoolClientSecrets: listUserPoolClientSecrets,
  DeleteUserPoolClientSecret: deleteUserPoolClientSecret,
  GetUserPoolSessionConfiguration: getUserPoolSessionConfiguration,
  SetUserPoolSessionConfiguration: setUserPoolSessionConfiguration,
  GetUserPoolClientSessionConfiguration: getUserPoolClientSessionConfiguration,
  SetUserPoolClientSessionConfiguration: setUserPoolClientSessionConfiguration,
  GetClientToken: getClientToken,
};
