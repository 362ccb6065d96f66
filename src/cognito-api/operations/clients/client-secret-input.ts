// The confidential app client that the client-secret operations name (UserPoolId, ClientId): they
// are for clients with a secret.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddUserPoolClientSecret.html
import { clientSecrets } from '../../../domain/client-secrets.js';
import type { AppClient } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Input } from '../../operation.js';
import type { Store } from '../../../store/store.js';

export function confidentialClient(store: Store, input: Input): AppClient {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  const client = clientOrThrow(store, requiredString(input, 'ClientId', 128), pool.Id);
  if (clientSecrets(client).length === 0) {
    // Wording unconfirmed: the operations are for "an existing confidential user pool app client".
    throw new CognitoError('InvalidParameterException', `Client ${client.ClientId} is not configured with a client secret.`);
  }
  return client;
}
