// A pool's stored log delivery configurations as LogConfigurationType, as SetLogDeliveryConfiguration
// and GetLogDeliveryConfiguration answer them.
import type { LogConfigurationType } from '@aws-sdk/client-cognito-identity-provider';
import type { Wire } from '../../operation.js';

/**
 * The stored configurations as LogConfigurationType: LogLevel and EventSource were checked when
 * set; the destinations (CloudWatchLogsConfiguration, …) are the caller's, echoed as sent.
 */
export const logConfigurationsType = (stored: Array<Record<string, unknown>>) => stored as Wire<LogConfigurationType>[];
