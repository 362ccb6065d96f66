// AddUserPoolClientSecret, ListUserPoolClientSecrets, DeleteUserPoolClientSecret: secret rotation
// without downtime. A confidential client holds up to two secrets, each accepted wherever a secret
// is (domain/client-secrets.ts); the last one cannot be deleted
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddUserPoolClientSecret.html,
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPoolClientSecret.html).
import type {
  AddUserPoolClientSecretResponse,
  ClientSecretDescriptorType,
  DeleteUserPoolClientSecretResponse,
  ListUserPoolClientSecretsResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { MAX_CLIENT_SECRETS, clientSecretId, clientSecrets } from '../../../domain/client-secrets.js';
import { newClientSecret } from '../../../domain/ids.js';
import type { AppClient, ClientSecretRecord } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalString, requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import type { Store } from '../../../store/store.js';

function confidentialClient(store: Store, input: Input): AppClient {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  const client = clientOrThrow(store, requiredString(input, 'ClientId', 128), pool.Id);
  if (clientSecrets(client).length === 0) {
    // Wording unconfirmed: the operations are for "an existing confidential user pool app client".
    throw new CognitoError('InvalidParameterException', `Client ${client.ClientId} is not configured with a client secret.`);
  }
  return client;
}

const descriptor = (s: ClientSecretRecord, withValue: boolean): Wire<ClientSecretDescriptorType> => ({
  ClientSecretId: s.ClientSecretId,
  ...(withValue ? { ClientSecretValue: s.Value } : {}),
  ClientSecretCreateDate: seconds(s.CreateDate),
});

export const addUserPoolClientSecret: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    // Checked against the model's constraints (24-64 characters of [\w+]) before the operation runs.
    const given = optionalString(input, 'ClientSecret', 64);
    const client = confidentialClient(store, input);
    const secrets = clientSecrets(client);
    if (secrets.length >= MAX_CLIENT_SECRETS) {
      // Wording unconfirmed.
      throw new CognitoError(
        'LimitExceededException',
        `Client ${client.ClientId} already has the maximum of ${MAX_CLIENT_SECRETS} client secrets.`,
      );
    }
    // Ids carry the creation time in milliseconds; two secrets made in the same millisecond stay distinct.
    let createdAt = clock.now();
    while (secrets.some((s) => s.ClientSecretId === clientSecretId(client.ClientId, createdAt))) createdAt += 1;
    const secret: ClientSecretRecord = {
      ClientSecretId: clientSecretId(client.ClientId, createdAt),
      Value: given ?? newClientSecret(),
      CreateDate: createdAt,
    };
    await store.putClient({ ...client, ClientSecrets: [...secrets, secret] });
    // The value is returned only when Cognito generated it (ClientSecretDescriptorType).
    return { ClientSecretDescriptor: descriptor(secret, given === undefined) } satisfies Wire<AddUserPoolClientSecretResponse>;
  };

export const listUserPoolClientSecrets: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    optionalString(input, 'NextToken', 131072);
    const client = confidentialClient(store, input);
    // Never the values; two secrets at most, so never a NextToken (API reference).
    return { ClientSecrets: clientSecrets(client).map((s) => descriptor(s, false)) } satisfies Wire<ListUserPoolClientSecretsResponse>;
  };

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
