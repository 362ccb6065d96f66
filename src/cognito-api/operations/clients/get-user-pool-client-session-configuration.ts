// GetUserPoolClientSessionConfiguration: the app client's SSO-session validity, Cognito's default
// until something was set.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserPoolClientSessionConfiguration.html
import type { GetUserPoolClientSessionConfigurationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { ssoMaxValidityMinutes } from '../../../domain/sso-session.js';
import { requiredString } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';

export const getUserPoolClientSessionConfiguration: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const client = clientOrThrow(store, requiredString(input, 'ClientId', 128), pool.Id);
    return {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      SSOSession: { MaxValidityMinutes: ssoMaxValidityMinutes(client) },
    } satisfies Wire<GetUserPoolClientSessionConfigurationResponse>;
  };
