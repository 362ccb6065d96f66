// SetLogDeliveryConfiguration: where Cognito would export a pool's user-notification and
// user-auth-event logs
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html).
// Stored and returned as given; the emulator exports no logs anywhere (it never leaves the machine).
import type { SetLogDeliveryConfigurationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { invalid, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { logConfigurationsType } from './log-configuration-type.js';
import { known } from './scoped.js';

const MEMBERS = ['LogLevel', 'EventSource', 'CloudWatchLogsConfiguration', 'S3Configuration', 'FirehoseConfiguration'] as const;
const LOG_LEVELS = ['ERROR', 'INFO'];
const EVENT_SOURCES = ['userNotification', 'userAuthEvents'];

export const setLogDeliveryConfiguration: Operation<'clock' | 'store'> =
  ({ store, clock }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    const given = input.LogConfigurations;
    if (given === undefined || given === null) throw invalid('LogConfigurations', given, 'Member must not be null');
    if (!Array.isArray(given))
      throw new CognitoError('SerializationException', "Unexpected JSON type at 'logConfigurations': expected array");
    if (given.length > 2) throw invalid('LogConfigurations', given, 'Member must have length less than or equal to 2');
    const configurations = given.map((c) => known(c, MEMBERS) ?? {});
    for (const c of configurations) {
      // The model of late 2022 lacks these members; checked here with the validation wording.
      if (!LOG_LEVELS.includes(String(c.LogLevel)))
        throw new CognitoError(
          'InvalidParameterException',
          `1 validation error detected: Value '${String(c.LogLevel).slice(0, 40)}' at 'logConfigurations.member.logLevel' failed to ` +
            `satisfy constraint: Member must satisfy enum value set: [${LOG_LEVELS.join(', ')}]`,
        );
      if (!EVENT_SOURCES.includes(String(c.EventSource)))
        throw new CognitoError(
          'InvalidParameterException',
          `1 validation error detected: Value '${String(c.EventSource).slice(0, 40)}' at 'logConfigurations.member.eventSource' ` +
            `failed to satisfy constraint: Member must satisfy enum value set: [${EVENT_SOURCES.join(', ')}]`,
        );
    }
    if (new Set(configurations.map((c) => c.EventSource)).size < configurations.length) {
      // Wording unconfirmed: one configuration per event source.
      throw new CognitoError('InvalidParameterException', 'Only one log configuration per event source is allowed.');
    }
    await store.putPool({ ...pool, LogDeliveryConfiguration: configurations, LastModifiedDate: clock.now() });
    return {
      LogDeliveryConfiguration: { UserPoolId: pool.Id, LogConfigurations: logConfigurationsType(configurations) },
    } satisfies Wire<SetLogDeliveryConfigurationResponse>;
  };
