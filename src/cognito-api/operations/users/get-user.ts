// GetUser: the signed-in user's attributes and MFA settings (once set), by access token.
import type { GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeList } from '../../../domain/attributes.js';
import { mfaSettingFields } from './mfa-settings-type.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';

export const getUser: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user } = await userFromAccessToken(deps, input);
  return {
    UserAttributes: attributeList(user.Attributes),
    Username: user.Username,
    ...mfaSettingFields(user),
  } satisfies Wire<GetUserResponse>;
};
