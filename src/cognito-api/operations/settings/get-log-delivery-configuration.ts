// GetLogDeliveryConfiguration: the log delivery configurations SetLogDeliveryConfiguration stored.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetLogDeliveryConfiguration.html
import type { GetLogDeliveryConfigurationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { logConfigurationsType } from './log-configuration-type.js';

export const getLogDeliveryConfiguration: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return {
      LogDeliveryConfiguration: { UserPoolId: pool.Id, LogConfigurations: logConfigurationsType(pool.LogDeliveryConfiguration ?? []) },
    } satisfies Wire<GetLogDeliveryConfigurationResponse>;
  };
