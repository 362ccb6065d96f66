// ResourceServerType (Create/Describe/Update/ListResourceServers).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResourceServerType.html
import type { ResourceServerType } from '@aws-sdk/client-cognito-identity-provider';
import type { ResourceServer } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';

export const resourceServerType = (rs: ResourceServer): Wire<ResourceServerType> => ({
  UserPoolId: rs.UserPoolId,
  Identifier: rs.Identifier,
  Name: rs.Name,
  Scopes: rs.Scopes,
});
