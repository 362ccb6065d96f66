// SetUserPoolClientSessionConfiguration: the app client's SSO-session validity, which needs session
// tracking on in its pool. Applied: SSOSession.MaxValidityMinutes decides whether /oauth2/authorize
// reuses the hosted-page session (domain/sso-session.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolClientSessionConfiguration.html
import type { SetUserPoolClientSessionConfigurationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { tracksSessions } from '../../../domain/sso-session.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredInteger, requiredString, requiredStructure } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';

export const setUserPoolClientSessionConfiguration: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const userPoolId = requiredString(input, 'UserPoolId', 55);
    const clientId = requiredString(input, 'ClientId', 128);
    const minutes = requiredInteger(requiredStructure(input, 'SSOSession'), 'SSOSession.MaxValidityMinutes', 0, 129600);
    const pool = poolOrThrow(store, userPoolId);
    const client = clientOrThrow(store, clientId, pool.Id);
    if (!tracksSessions(pool)) {
      // "session tracking must be enabled for the user pool"; exception and wording unconfirmed.
      throw new CognitoError('OperationNotEnabledException', `Session tracking is not enabled for user pool ${pool.Id}.`);
    }
    await store.putClient({ ...client, SSOSession: { MaxValidityMinutes: minutes }, LastModifiedDate: clock.now() });
    return {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      SSOSession: { MaxValidityMinutes: minutes },
    } satisfies Wire<SetUserPoolClientSessionConfigurationResponse>;
  };
