// App-client settings from CreateUserPoolClient / UpdateUserPoolClient input, built and checked
// with the rules fixtures use (src/domain/app-client.ts) plus the API's own defaults
// (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html).
import { buildAppClient, checkAppClient, ClientRuleError, type ClientInput } from '../../../domain/app-client.js';
import type { AppClient, TimeUnit } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import type { Store } from '../../../store/store.js';
import { accessTokenSeconds, idTokenSeconds, refreshTokenSeconds } from '../../../domain/token-validity.js';
import {
  checkPattern,
  invalid,
  optionalBoolean,
  optionalEnum,
  optionalEnumList,
  optionalInteger,
  optionalString,
  optionalStringList,
  requiredString,
} from '../../input.js';
import type { Input } from '../../operation.js';

const UNITS: TimeUnit[] = ['seconds', 'minutes', 'hours', 'days'];
const EXPLICIT_AUTH_FLOWS = [
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
  'ALLOW_CLIENT_TOKEN_AUTH',
] as const;

export const clientName = (input: Input): string =>
  checkPattern('ClientName', requiredString(input, 'ClientName', 128), /^[\w\s+=,.@-]+$/, '[\\w\\s+=,.@-]+');

function validityUnits(input: Input): Partial<Record<'AccessToken' | 'IdToken' | 'RefreshToken', TimeUnit>> | undefined {
  const value = input.TokenValidityUnits;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('TokenValidityUnits', '{...}', 'Member must be a structure');
  const units = value as Input;
  const out: Partial<Record<'AccessToken' | 'IdToken' | 'RefreshToken', TimeUnit>> = {};
  for (const name of ['AccessToken', 'IdToken', 'RefreshToken'] as const) {
    const unit = optionalEnum(units, name, UNITS);
    if (unit !== undefined) out[name] = unit;
  }
  return out;
}

/** RefreshTokenRotation: Feature required (ENABLED | DISABLED), RetryGracePeriodSeconds 0-60. */
function rotationSetting(input: Input): ClientInput['RefreshTokenRotation'] {
  const value = input.RefreshTokenRotation;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('RefreshTokenRotation', '{...}', 'Member must be a structure');
  const rotation = value as Input;
  requiredString(rotation, 'Feature');
  const feature = optionalEnum(rotation, 'Feature', ['ENABLED', 'DISABLED'] as const)!;
  const grace = optionalInteger(rotation, 'RetryGracePeriodSeconds', 0, 60);
  return { Feature: feature, ...(grace !== undefined ? { RetryGracePeriodSeconds: grace } : {}) };
}

/**
 * Every setting of the request. Omitted ones are left out so buildAppClient applies the defaults:
 * UpdateUserPoolClient replaces the whole configuration, as Cognito does.
 */
function settings(input: Input): Omit<ClientInput, 'ClientName'> {
  const units = validityUnits(input);
  const fields: Omit<ClientInput, 'ClientName'> = {
    RefreshTokenValidity: optionalInteger(input, 'RefreshTokenValidity', 0, 315360000),
    AccessTokenValidity: optionalInteger(input, 'AccessTokenValidity', 1, 86400),
    IdTokenValidity: optionalInteger(input, 'IdTokenValidity', 1, 86400),
    TokenValidityUnits: units,
    ReadAttributes: optionalStringList(input, 'ReadAttributes'),
    WriteAttributes: optionalStringList(input, 'WriteAttributes'),
    // Omitted: ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH (buildAppClient), as the API reference says
    // (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html).
    ExplicitAuthFlows: optionalEnumList(input, 'ExplicitAuthFlows', EXPLICIT_AUTH_FLOWS),
    // Via the API a client supports no identity provider unless told (the console adds COGNITO).
    SupportedIdentityProviders: optionalStringList(input, 'SupportedIdentityProviders') ?? [],
    CallbackURLs: optionalStringList(input, 'CallbackURLs'),
    LogoutURLs: optionalStringList(input, 'LogoutURLs'),
    DefaultRedirectURI: optionalString(input, 'DefaultRedirectURI', 1024),
    AllowedOAuthFlows: optionalEnumList(input, 'AllowedOAuthFlows', ['code', 'implicit', 'client_credentials']),
    AllowedOAuthScopes: optionalStringList(input, 'AllowedOAuthScopes'),
    // Omitted, it is false through the API, OAuth flows or not (fixtures default it to true when flows are given).
    AllowedOAuthFlowsUserPoolClient: optionalBoolean(input, 'AllowedOAuthFlowsUserPoolClient') ?? false,
    PreventUserExistenceErrors: optionalEnum(input, 'PreventUserExistenceErrors', ['LEGACY', 'ENABLED']),
    EnableTokenRevocation: optionalBoolean(input, 'EnableTokenRevocation'),
    AuthSessionValidity: optionalInteger(input, 'AuthSessionValidity', 3, 15),
    RefreshTokenRotation: rotationSetting(input),
  };
  optionalBoolean(input, 'EnablePropagateAdditionalUserContextData');
  // Drop the undefined members so they do not override buildAppClient's defaults.
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<ClientInput, 'ClientName'>;
}

/** Builds the client record and applies Cognito's rules, failing with its exceptions. */
export function apiClient(
  input: Input,
  base: { ClientName: string; ClientSecret?: string; GenerateSecret?: boolean },
  userPoolId: string,
  now: number,
  store: Store,
  existing?: AppClient,
): AppClient {
  const client = buildAppClient({ ...settings(input), ...base }, userPoolId, now, existing);
  try {
    checkAppClient(
      client,
      store.listResourceServers(userPoolId),
      store.listIdentityProviders(userPoolId).map((p) => p.ProviderName),
    );
  } catch (err) {
    if (err instanceof ClientRuleError) throw new CognitoError(err.kind, err.message);
    throw err;
  }
  const interactive = client.AllowedOAuthFlows.some((f) => f === 'code' || f === 'implicit');
  if (client.AllowedOAuthFlowsUserPoolClient && interactive && client.CallbackURLs.length === 0) {
    // Observed wording (cisagov/crossfeed#440, anomalyco/sst#6272).
    throw new CognitoError('InvalidOAuthFlowException', 'CallbackUrls can not be empty when code flow or implicit flow is selected');
  }
  // Access and ID tokens live 5 minutes to 1 day, refresh tokens 1 hour to 10 years (API reference).
  const access = accessTokenSeconds(client);
  const id = idTokenSeconds(client);
  const refresh = refreshTokenSeconds(client);
  if (access < 300 || access > 86400 || id < 300 || id > 86400 || refresh < 3600 || refresh > 315360000) {
    throw new CognitoError('InvalidParameterException', 'Invalid range for token validity');
  }
  return client;
}
