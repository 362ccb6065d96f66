// ListUserPoolClientSecrets: the client's secrets, oldest first, without their values.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPoolClientSecrets.html
import type { ListUserPoolClientSecretsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { clientSecrets } from '../../../domain/client-secrets.js';
import { optionalString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { confidentialClient } from './client-secret-input.js';
import { clientSecretDescriptor } from './client-secret-type.js';

export const listUserPoolClientSecrets: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    optionalString(input, 'NextToken', 131072);
    const client = confidentialClient(store, input);
    // Never the values; two secrets at most, so never a NextToken (API reference).
    return {
      ClientSecrets: clientSecrets(client).map((s) => clientSecretDescriptor(s, false)),
    } satisfies Wire<ListUserPoolClientSecretsResponse>;
  };
