// GetUserPoolSessionConfiguration: the pool's session tracking and refresh-token sessions per user,
// Cognito's defaults until something was set.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserPoolSessionConfiguration.html
import { sessionConfiguration } from '../../../domain/sso-session.js';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { poolSessionConfiguration } from './session-configuration-type.js';

export const getUserPoolSessionConfiguration: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return poolSessionConfiguration(pool.Id, sessionConfiguration(pool));
  };
