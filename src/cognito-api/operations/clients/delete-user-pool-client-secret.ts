// DeleteUserPoolClientSecret: one of the client's secrets goes; the last one cannot.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPoolClientSecret.html
import type { DeleteUserPoolClientSecretResponse } from '@aws-sdk/client-cognito-identity-provider';
import { clientSecretId, clientSecrets } from '../../../domain/client-secrets.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { confidentialClient } from './client-secret-input.js';

export const deleteUserPoolClientSecret: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const id = requiredString(input, 'ClientSecretId', 128);
    const client = confidentialClient(store, input);
    const secrets = clientSecrets(client);
    const doomed = secrets.find((s) => s.ClientSecretId === id);
    // Wording unconfirmed.
    if (!doomed) throw new CognitoError('ResourceNotFoundException', `Client secret ${id} does not exist for client ${client.ClientId}.`);
    if (secrets.length === 1) {
      // "You cannot delete the last remaining secret for an app client." Wording unconfirmed.
      throw new CognitoError('InvalidParameterException', `Cannot delete the last client secret of client ${client.ClientId}.`);
    }
    const { ClientSecret: shown, ...rest } = client;
    // Deleting the secret DescribeUserPoolClient shows (the one made with the client) leaves it
    // showing none: no secret is promoted.
    const keepShown = shown !== undefined && doomed.ClientSecretId !== clientSecretId(client.ClientId, client.CreationDate);
    await store.putClient({ ...rest, ...(keepShown ? { ClientSecret: shown } : {}), ClientSecrets: secrets.filter((s) => s !== doomed) });
    return {} satisfies Wire<DeleteUserPoolClientSecretResponse>;
  };
