// DescribeRiskConfiguration: the threat protection settings in force for an app client (its own,
// else the pool-wide ones) or for the pool.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeRiskConfiguration.html
import type { DescribeRiskConfigurationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { parts } from './risk-configuration-type.js';
import { POOL_WIDE, scopeOf, settingFor } from './scoped.js';

export const describeRiskConfiguration: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const scope = scopeOf(store, pool, input);
    const found = settingFor(pool.RiskConfigurations, scope);
    if (!found) {
      return {
        RiskConfiguration: { UserPoolId: pool.Id, ClientId: scope !== POOL_WIDE ? scope : undefined },
      } satisfies Wire<DescribeRiskConfigurationResponse>;
    }
    const [owner, setting] = found;
    return {
      RiskConfiguration: {
        UserPoolId: pool.Id,
        ClientId: owner !== POOL_WIDE ? owner : undefined,
        ...parts(setting.Settings),
        LastModifiedDate: seconds(setting.LastModifiedDate),
      },
    } satisfies Wire<DescribeRiskConfigurationResponse>;
  };
