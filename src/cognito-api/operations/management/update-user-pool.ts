// UpdateUserPool: the kept settings are replaced, omitted ones reset to their defaults (API doc).
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation } from '../../operation.js';
import { mutableSettings, poolName, replaceSettings } from './pool-settings.js';
import { readLambdaConfig } from '../../../triggers/lambda-config.js';

export const updateUserPool: Operation = ({ store, clock }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  const name = poolName(input, false);
  // Like every omitted setting, an omitted LambdaConfig removes the pool's triggers (API reference).
  const lambdaConfig = readLambdaConfig(input.LambdaConfig);
  const settings = mutableSettings(input, pool);
  const { LambdaConfig: _previous, ...rest } = replaceSettings(pool, settings);
  await store.putPool({
    ...rest, ...(lambdaConfig ? { LambdaConfig: lambdaConfig } : {}), Name: name ?? pool.Name, LastModifiedDate: clock.now(),
  });
  return {};
};
