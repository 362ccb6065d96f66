// The pool's session configuration as Get/SetUserPoolSessionConfiguration answer it.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserPoolSessionConfiguration.html
import type {
  GetUserPoolSessionConfigurationResponse,
  SetUserPoolSessionConfigurationResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { SessionConfiguration } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';

export const poolSessionConfiguration = (
  userPoolId: string,
  config: SessionConfiguration,
): Wire<GetUserPoolSessionConfigurationResponse & SetUserPoolSessionConfigurationResponse> => ({
  UserPoolId: userPoolId,
  UserSessionTracking: config.UserSessionTracking,
  TokenSession: { ...config.TokenSession },
});
