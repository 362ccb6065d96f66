// UpdateUserPool: the kept settings are replaced, omitted ones reset to their defaults (API doc).
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { mutableSettings, poolName } from './pool-settings.js';
import { readLambdaConfig } from '../../../triggers/lambda-config.js';

export const updateUserPool: Operation = ({ store, clock }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  const name = poolName(input, false);
  // Like every omitted setting, an omitted LambdaConfig removes the pool's triggers (API reference).
  const lambdaConfig = readLambdaConfig(input.LambdaConfig);
  const { LambdaConfig: _previous, ...rest } = pool;
  await store.putPool({
    ...rest, ...mutableSettings(input), ...(lambdaConfig ? { LambdaConfig: lambdaConfig } : {}), Name: name ?? pool.Name, LastModifiedDate: clock.now(),
  });
  return {};
};
