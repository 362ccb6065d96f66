// SetUserPoolSessionConfiguration replaces the pool's whole session configuration. TokenSession.MaxPerUser
// is stored and returned, not enforced.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolSessionConfiguration.html
import type { SessionConfiguration } from '../../../domain/model.js';
import { invalid, optionalEnum, requiredInteger, requiredString, requiredStructure } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { poolSessionConfiguration } from './session-configuration-type.js';

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
    return poolSessionConfiguration(pool.Id, config);
  };
