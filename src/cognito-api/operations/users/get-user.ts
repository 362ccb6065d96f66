// GetUser: the signed-in user's attributes, by access token (no MFA settings: MFA is not emulated).
import { attributeList } from '../../../domain/attributes.js';
import type { Operation } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';

export const getUser: Operation = (deps) => async (input) => {
  const { user } = await userFromAccessToken(deps, input);
  return { UserAttributes: attributeList(user.Attributes), Username: user.Username };
};
