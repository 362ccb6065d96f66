// ClientSecretDescriptorType (AddUserPoolClientSecret, ListUserPoolClientSecrets).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ClientSecretDescriptorType.html
import type { ClientSecretDescriptorType } from '@aws-sdk/client-cognito-identity-provider';
import type { ClientSecretRecord } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';

export const clientSecretDescriptor = (s: ClientSecretRecord, withValue: boolean): Wire<ClientSecretDescriptorType> => ({
  ClientSecretId: s.ClientSecretId,
  ClientSecretValue: withValue ? s.Value : undefined,
  ClientSecretCreateDate: seconds(s.CreateDate),
});
