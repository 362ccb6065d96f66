// App-client defaults and rules, shared by fixtures and CreateUserPoolClient
// (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html).
import { ROTATION_DISABLED, type AppClient, type OAuthFlow, type ResourceServer, type TokenValidityUnits } from './model.js';
import { hasSecret } from './client-secrets.js';
import { newClientId, newClientSecret } from './ids.js';
import { scopeExists, isCustomScope } from './scopes.js';
import { DEFAULT_VALIDITY } from './token-validity.js';

/**
 * Cognito's ExplicitAuthFlows when none are given
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html).
 */
export const DEFAULT_EXPLICIT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];

/** The flow of GetClientToken (machine-to-machine tokens through the JSON API). */
export const CLIENT_TOKEN_FLOW = 'ALLOW_CLIENT_TOKEN_AUTH';

export type ClientInput = Partial<
  Omit<AppClient, 'UserPoolId' | 'TokenValidityUnits' | 'CreationDate' | 'LastModifiedDate' | 'RefreshTokenRotation'>
> & {
  RefreshTokenRotation?: { Feature: 'ENABLED' | 'DISABLED'; RetryGracePeriodSeconds?: number };
  ClientName: string;
  GenerateSecret?: boolean;
  TokenValidityUnits?: Partial<TokenValidityUnits>;
};

/** A problem with a client's settings: `field` names the offending input field. */
export class ClientRuleError extends Error {
  constructor(
    readonly kind: 'InvalidOAuthFlowException' | 'ScopeDoesNotExistException' | 'InvalidParameterException',
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function buildAppClient(input: ClientInput, userPoolId: string, now: number, existing?: AppClient): AppClient {
  const flows = (input.AllowedOAuthFlows ?? []) as OAuthFlow[];
  const secret = input.ClientSecret ?? (input.GenerateSecret ? (existing?.ClientSecret ?? newClientSecret()) : undefined);
  const units = { ...DEFAULT_VALIDITY.TokenValidityUnits, ...input.TokenValidityUnits };
  return {
    ClientId: input.ClientId ?? existing?.ClientId ?? newClientId(),
    UserPoolId: userPoolId,
    ClientName: input.ClientName,
    ...(secret !== undefined ? { ClientSecret: secret } : {}),
    // Secrets added by AddUserPoolClientSecret and the session settings outlive UpdateUserPoolClient.
    ...(existing?.ClientSecrets !== undefined ? { ClientSecrets: existing.ClientSecrets } : {}),
    ...(existing?.SSOSession !== undefined ? { SSOSession: existing.SSOSession } : {}),
    CallbackURLs: input.CallbackURLs ?? [],
    LogoutURLs: input.LogoutURLs ?? [],
    ...(input.DefaultRedirectURI !== undefined ? { DefaultRedirectURI: input.DefaultRedirectURI } : {}),
    AllowedOAuthFlows: flows,
    AllowedOAuthScopes: input.AllowedOAuthScopes ?? [],
    AllowedOAuthFlowsUserPoolClient: input.AllowedOAuthFlowsUserPoolClient ?? flows.length > 0,
    ExplicitAuthFlows: input.ExplicitAuthFlows ?? [...DEFAULT_EXPLICIT_AUTH_FLOWS],
    SupportedIdentityProviders: input.SupportedIdentityProviders ?? ['COGNITO'],
    ...(input.ReadAttributes !== undefined ? { ReadAttributes: input.ReadAttributes } : {}),
    ...(input.WriteAttributes !== undefined ? { WriteAttributes: input.WriteAttributes } : {}),
    ...(input.TokenCustomization !== undefined ? { TokenCustomization: input.TokenCustomization } : {}),
    // Turning rotation off resets the grace period to 0, as Cognito reads it back.
    ...(input.RefreshTokenRotation !== undefined
      ? {
          RefreshTokenRotation:
            input.RefreshTokenRotation.Feature === 'ENABLED'
              ? { Feature: 'ENABLED' as const, RetryGracePeriodSeconds: input.RefreshTokenRotation.RetryGracePeriodSeconds ?? 0 }
              : { ...ROTATION_DISABLED },
        }
      : {}),
    AccessTokenValidity: input.AccessTokenValidity ?? DEFAULT_VALIDITY.AccessTokenValidity,
    IdTokenValidity: input.IdTokenValidity ?? DEFAULT_VALIDITY.IdTokenValidity,
    RefreshTokenValidity: input.RefreshTokenValidity ?? DEFAULT_VALIDITY.RefreshTokenValidity,
    TokenValidityUnits: units,
    AuthSessionValidity: input.AuthSessionValidity ?? 3,
    EnableTokenRevocation: input.EnableTokenRevocation ?? true,
    PreventUserExistenceErrors: input.PreventUserExistenceErrors ?? 'LEGACY',
    CreationDate: existing?.CreationDate ?? now,
    LastModifiedDate: now,
  };
}

/** Throws ClientRuleError for settings Cognito refuses. */
export function checkAppClient(client: AppClient, servers: readonly ResourceServer[], providers: readonly string[]): void {
  for (const [i, name] of client.SupportedIdentityProviders.entries()) {
    // COGNITO is always there; every other name must be an identity provider of the pool
    // (observed wording, e.g. hashicorp/terraform-provider-aws issues).
    if (name !== 'COGNITO' && !providers.includes(name)) {
      throw new ClientRuleError(
        'InvalidParameterException',
        `SupportedIdentityProviders[${i}]`,
        `The provider ${name} does not exist for User Pool ${client.UserPoolId}`,
      );
    }
  }
  if (client.ExplicitAuthFlows.includes(CLIENT_TOKEN_FLOW) && client.ExplicitAuthFlows.length > 1) {
    // "It must be the only authentication flow that you configure for the app client" (GetClientToken,
    // API reference); wording unconfirmed.
    throw new ClientRuleError(
      'InvalidParameterException',
      'ExplicitAuthFlows',
      `${CLIENT_TOKEN_FLOW} cannot be combined with other authentication flows.`,
    );
  }
  const flows = client.AllowedOAuthFlows;
  if (flows.includes('client_credentials') && (flows.includes('code') || flows.includes('implicit'))) {
    throw new ClientRuleError(
      'InvalidOAuthFlowException',
      'AllowedOAuthFlows',
      'client_credentials flow can not be selected along with code flow or implicit flow.',
    );
  }
  client.AllowedOAuthScopes.forEach((scope, i) => {
    if (!scopeExists(scope, servers)) {
      throw new ClientRuleError('ScopeDoesNotExistException', `AllowedOAuthScopes[${i}]`, `Invalid scope requested: ${scope}`);
    }
  });
  if (flows.includes('client_credentials')) {
    if (!hasSecret(client)) {
      throw new ClientRuleError(
        'InvalidOAuthFlowException',
        'AllowedOAuthFlows',
        'client_credentials flow can only be used by a client with a secret (set ClientSecret or GenerateSecret).',
      );
    }
    const standard = client.AllowedOAuthScopes.findIndex((s) => !isCustomScope(s));
    if (standard >= 0) {
      throw new ClientRuleError(
        'InvalidOAuthFlowException',
        `AllowedOAuthScopes[${standard}]`,
        'client_credentials flow can only be used with custom (resource server) scopes.',
      );
    }
  }
  const urlLists = [
    ['CallbackURLs', client.CallbackURLs],
    ['LogoutURLs', client.LogoutURLs],
  ] as const;
  for (const [field, urls] of urlLists) {
    urls.forEach((url, i) => {
      const problem = redirectUrlProblem(url);
      if (problem) throw new ClientRuleError('InvalidParameterException', `${field}[${i}]`, `${url}: ${problem}`);
    });
  }
  if (client.DefaultRedirectURI !== undefined && !client.CallbackURLs.includes(client.DefaultRedirectURI)) {
    throw new ClientRuleError('InvalidParameterException', 'DefaultRedirectURI', 'DefaultRedirectURI must be one of the CallbackURLs');
  }
}

/** Cognito: absolute URLs without a fragment (custom schemes such as myapp://cb allowed). */
function redirectUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not an absolute URL';
  }
  if (parsed.hash !== '' || url.includes('#')) return 'must not contain a fragment';
  if (/^(javascript|data|vbscript|file):$/i.test(parsed.protocol)) return `the ${parsed.protocol} scheme is not allowed`;
  return undefined;
}
