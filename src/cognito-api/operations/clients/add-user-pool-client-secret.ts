// AddUserPoolClientSecret: a second secret for rotation without downtime. A confidential client
// holds up to two secrets, each accepted wherever a secret is (domain/client-secrets.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddUserPoolClientSecret.html
import type { AddUserPoolClientSecretResponse } from '@aws-sdk/client-cognito-identity-provider';
import { MAX_CLIENT_SECRETS, clientSecretId, clientSecrets } from '../../../domain/client-secrets.js';
import { newClientSecret } from '../../../domain/ids.js';
import type { ClientSecretRecord } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { confidentialClient } from './client-secret-input.js';
import { clientSecretDescriptor } from './client-secret-type.js';

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
    return { ClientSecretDescriptor: clientSecretDescriptor(secret, given === undefined) } satisfies Wire<AddUserPoolClientSecretResponse>;
  };
