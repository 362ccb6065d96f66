// DeleteUserAttributes: the signed-in user removes their own attributes (Amplify's
// deleteUserAttributes, amazon-cognito-identity-js's deleteAttributes), within the client's
// WriteAttributes; then exactly what AdminDeleteUserAttributes does for that user (same rules).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserAttributes.html
import type { DeleteUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { optionalStringList, requireMember } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';
import { adminDeleteUserAttributes } from './admin-delete-user-attributes.js';
import { checkClientMayWrite } from '../../../users/attribute-rules.js';

export const deleteUserAttributes: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => {
  const adminDelete = adminDeleteUserAttributes(deps);
  return async (input, context) => {
    const { user, pool, client } = await userFromAccessToken(deps, input);
    requireMember(input, 'UserAttributeNames');
    const names = optionalStringList(input, 'UserAttributeNames') ?? [];
    checkClientMayWrite(client, names);
    await adminDelete({ UserPoolId: pool.Id, Username: user.Username, UserAttributeNames: names }, context);
    return {} satisfies Wire<DeleteUserAttributesResponse>;
  };
};
