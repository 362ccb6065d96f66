// GroupType (CreateGroup, GetGroup, UpdateGroup, ListGroups, AdminListGroupsForUser).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GroupType.html
import type { GroupType } from '@aws-sdk/client-cognito-identity-provider';
import type { Group } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';

export const groupType = (g: Group): Wire<GroupType> => ({
  GroupName: g.GroupName,
  UserPoolId: g.UserPoolId,
  Description: g.Description,
  RoleArn: g.RoleArn,
  Precedence: g.Precedence,
  LastModifiedDate: seconds(g.LastModifiedDate),
  CreationDate: seconds(g.CreationDate),
});
