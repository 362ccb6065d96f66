// SetRiskConfiguration: threat protection's compromised-credentials, account-takeover and IP
// exception settings, per app client or pool-wide
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html).
// Stored and returned; src/threat-protection/ applies them to sign-in, sign-up and password changes.
import type { SetRiskConfigurationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { PARTS, parts } from './risk-configuration-type.js';
import { known, POOL_WIDE, scopeOf, withSetting } from './scoped.js';

export const setRiskConfiguration: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const scope = scopeOf(store, pool, input);
    const settings: Record<string, unknown> = {};
    for (const [part, members] of Object.entries(PARTS)) {
      const value = known(input[part], members);
      if (value !== undefined) settings[part] = value;
    }
    const now = clock.now();
    const RiskConfigurations = withSetting(pool.RiskConfigurations, scope, settings, now);
    await store.putPool({ ...pool, RiskConfigurations });
    return {
      RiskConfiguration: {
        UserPoolId: pool.Id,
        ClientId: scope !== POOL_WIDE ? scope : undefined,
        ...parts(settings),
        LastModifiedDate: seconds(now),
      },
    } satisfies Wire<SetRiskConfigurationResponse>;
  };
