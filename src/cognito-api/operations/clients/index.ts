// Operations on an app client's credentials and sessions: secret rotation, session settings and
// machine-to-machine tokens.
import type { Operation } from '../../operation.js';
import { addUserPoolClientSecret, deleteUserPoolClientSecret, listUserPoolClientSecrets } from './client-secrets.js';
import { getClientToken } from './get-client-token.js';
import {
  getUserPoolClientSessionConfiguration,
  getUserPoolSessionConfiguration,
  setUserPoolClientSessionConfiguration,
  setUserPoolSessionConfiguration,
} from './session-configuration.js';

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
