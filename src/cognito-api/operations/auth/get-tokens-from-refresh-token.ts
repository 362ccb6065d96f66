// GetTokensFromRefreshToken: new access and ID tokens for a refresh token, plus a new refresh
// token when the client rotates them. The only refresh path of Amplify JS v6 since 6.15.4, whether
// rotation is on or not. Unsigned; a client with a secret proves it with ClientSecret itself (not a
// SECRET_HASH). DeviceKey is accepted and ignored: remembered devices are not emulated.
// ClientMetadata goes to the pre token generation trigger (TokenGeneration_RefreshTokens).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
import type { GetTokensFromRefreshTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkRefreshToken, refreshedTokens } from '../../../tokens/refresh-check.js';
import { refreshProblemError } from '../../flows/refresh.js';
import { tokensOutput } from '../../flows/user.js';
import { optionalString, optionalStringMap, requiredString } from '../../input.js';
import { clientOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { checkClientSecret } from '../../secret-hash.js';

export const getTokensFromRefreshToken: Operation<'clock' | 'store' | 'tokens' | 'triggers'> = (deps) => async (input, opCtx) => {
  const token = requiredString(input, 'RefreshToken', 131072);
  const client = clientOrThrow(deps.store, requiredString(input, 'ClientId', 128));
  const secret = optionalString(input, 'ClientSecret', 64);
  optionalString(input, 'DeviceKey', 55);
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  checkClientSecret(client, secret);
  const grant = await checkRefreshToken(token, client, deps);
  if (typeof grant === 'string') throw refreshProblemError(grant);
  const { AuthenticationResult } = tokensOutput(await refreshedTokens(deps, client, grant, clientMetadata, opCtx?.ip));
  return { AuthenticationResult } satisfies Wire<GetTokensFromRefreshTokenResponse>;
};
