// DeleteUserAttributes: the signed-in user removes their own attributes (Amplify's
// deleteUserAttributes, amazon-cognito-identity-js's deleteAttributes), within the client's
// WriteAttributes. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserAttributes.html
import type { Operation } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';
import { attributeNamesToDelete, deleteAttributes } from './attribute-delete.js';
import { checkClientMayWrite } from './attribute-rules.js';

export const deleteUserAttributes: Operation = (deps) => async (input) => {
  const { user, pool, client } = await userFromAccessToken(deps, input);
  const names = attributeNamesToDelete(input);
  checkClientMayWrite(client, names);
  await deleteAttributes(deps, pool, user, names);
  return {};
};
