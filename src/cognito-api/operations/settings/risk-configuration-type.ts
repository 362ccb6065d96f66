// The parts of RiskConfigurationType that SetRiskConfiguration stores and DescribeRiskConfiguration
// returns.
import type { RiskConfigurationType } from '@aws-sdk/client-cognito-identity-provider';
import type { Wire } from '../../operation.js';

/** Each part and the members the model names in it. */
export const PARTS = {
  CompromisedCredentialsRiskConfiguration: ['EventFilter', 'Actions'],
  AccountTakeoverRiskConfiguration: ['NotifyConfiguration', 'Actions'],
  RiskExceptionConfiguration: ['BlockedIPRangeList', 'SkippedIPRangeList'],
} as const;

/** The settings parts as stored: the members the model names, echoed as the caller sent them. */
export const parts = (settings: Record<string, unknown>) => settings as Wire<Pick<RiskConfigurationType, keyof typeof PARTS>>;
