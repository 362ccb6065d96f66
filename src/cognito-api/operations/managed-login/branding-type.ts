// ManagedLoginBrandingType (Create/Describe/DescribeByClient/UpdateManagedLoginBranding).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ManagedLoginBrandingType.html
import type { ManagedLoginBrandingType } from '@aws-sdk/client-cognito-identity-provider';
import type { ManagedLoginBranding, UserPool } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';

export const brandingType = (pool: UserPool, b: ManagedLoginBranding): Wire<ManagedLoginBrandingType> => ({
  ManagedLoginBrandingId: b.ManagedLoginBrandingId,
  UserPoolId: pool.Id,
  UseCognitoProvidedValues: b.UseCognitoProvidedValues,
  // Parsed from the request's JSON and checked to be an object (settings()): a JSON document.
  Settings: b.Settings as Wire<ManagedLoginBrandingType['Settings']>,
  Assets: b.Assets,
  CreationDate: seconds(b.CreationDate),
  LastModifiedDate: seconds(b.LastModifiedDate),
});
