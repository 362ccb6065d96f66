// GetUser: the signed-in user's attributes and MFA settings (once set), by access token.
import { attributeList } from '../../../domain/attributes.js';
import { mfaSettingFields } from '../../../mfa/factors.js';
import type { Operation } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';

export const getUser: Operation = (deps) => async (input) => {
  const { user } = await userFromAccessToken(deps, input);
  return { UserAttributes: attributeList(user.Attributes), Username: user.Username, ...mfaSettingFields(user) };
};
