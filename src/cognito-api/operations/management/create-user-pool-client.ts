// CreateUserPoolClient: the client works at once on /oauth2/* and the JSON API.
import type { CreateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalBoolean, optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { apiClient, clientName } from './client-input.js';
import { userPoolClientType } from './client-type.js';

export const createUserPoolClient: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const ClientName = clientName(input);
    const GenerateSecret = optionalBoolean(input, 'GenerateSecret') ?? false;
    // A chosen secret (2025 feature, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html):
    // 24-64 characters of [\w+], checked against the model's constraints before the operation runs.
    const secret = optionalString(input, 'ClientSecret', 64);
    if (secret !== undefined) {
      if (GenerateSecret) {
        // The API reference: "You cannot specify both GenerateSecret as true and provide a ClientSecret value."
        // (wording of the error unconfirmed)
        throw new CognitoError('InvalidParameterException', 'GenerateSecret cannot be true when a ClientSecret is provided.');
      }
    }
    const client = apiClient(
      input,
      { ClientName, GenerateSecret, ...(secret !== undefined ? { ClientSecret: secret } : {}) },
      pool.Id,
      clock.now(),
      store,
    );
    await store.putClient(client);
    return { UserPoolClient: userPoolClientType(client) } satisfies Wire<CreateUserPoolClientResponse>;
  };
