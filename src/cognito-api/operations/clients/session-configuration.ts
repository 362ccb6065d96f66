// Get/SetUserPoolSessionConfiguration and Get/SetUserPoolClientSessionConfiguration: session
// tracking for a pool and each app client's SSO-session validity. Both Set operations replace the
// whole configuration; a client's setting needs tracking on in its pool; Get answers Cognito's
// defaults until something was set
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolClientSessionConfiguration.html).
// Applied: SSOSession.MaxValidityMinutes decides whether /oauth2/authorize reuses the hosted-page
// session (domain/sso-session.ts). TokenSession.MaxPerUser is stored and returned, not enforced.
import type {
  GetUserPoolClientSessionConfigurationResponse,
  GetUserPoolSessionConfigurationResponse,
  SetUserPoolClientSessionConfigurationResponse,
  SetUserPoolSessionConfigurationResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { SessionConfiguration } from '../../../domain/model.js';
import { sessionConfiguration, ssoMaxValidityMinutes, tracksSessions } from '../../../domain/sso-session.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { invalid, optionalEnum, requiredInteger, requiredString, requiredStructure } from '../../input.js';
import { clientOrThrow, poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';

const poolAnswer = (
  userPoolId: string,
  config: SessionConfiguration,
): Wire<GetUserPoolSessionConfigurationResponse & SetUserPoolSessionConfigurationResponse> => ({
  UserPoolId: userPoolId,
  UserSessionTracking: config.UserSessionTracking,
  TokenSession: { ...config.TokenSession },
});

export const getUserPoolSessionConfiguration: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return poolAnswer(pool.Id, sessionConfiguration(pool));
  };

export const setUserPoolSessionConfiguration: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const userPoolId = requiredString(input, 'UserPoolId', 55);
    const tracking = optionalEnum(input, 'UserSessionTracking', ['ENABLED', 'DISABLED'] as const);
    if (tracking === undefined) throw invalid('UserSessionTracking', undefined, 'Member must not be null');
    const maxPerUser = requiredInteger(requiredStructure(input, 'TokenSession'), 'TokenSession.MaxPerUser', 1, 100);
    const pool = poolOrThrow(store, userPoolId);
    const config: SessionConfiguration = { UserSessionTracking: tracking, TokenSession: { MaxPerUser: maxPerUser } };
    // Clients' settings are kept while tracking is off ("retained but dormant").
    await store.putPool({ ...pool, SessionConfiguration: config, LastModifiedDate: clock.now() });
    return poolAnswer(pool.Id, config);
  };

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
