// UserPoolClientType (DescribeUserPoolClient, CreateUserPoolClient, UpdateUserPoolClient). Like
// Cognito, empty URL / flow / scope lists are left out rather than sent as [].
import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import type { Wire } from '../../operation.js';
import { ROTATION_DISABLED, type AppClient } from '../../../domain/model.js';
import { seconds } from '../../serialize.js';

/** undefined for an empty list, so JSON leaves it out. */
const nonEmpty = (list: readonly string[] | undefined): string[] | undefined => (list && list.length > 0 ? [...list] : undefined);

export function userPoolClientType(c: AppClient): Wire<UserPoolClientType> {
  return {
    UserPoolId: c.UserPoolId,
    ClientName: c.ClientName,
    ClientId: c.ClientId,
    ClientSecret: c.ClientSecret,
    LastModifiedDate: seconds(c.LastModifiedDate),
    CreationDate: seconds(c.CreationDate),
    RefreshTokenValidity: c.RefreshTokenValidity,
    AccessTokenValidity: c.AccessTokenValidity,
    IdTokenValidity: c.IdTokenValidity,
    TokenValidityUnits: c.TokenValidityUnits,
    ReadAttributes: c.ReadAttributes,
    WriteAttributes: c.WriteAttributes,
    ExplicitAuthFlows: c.ExplicitAuthFlows,
    SupportedIdentityProviders: nonEmpty(c.SupportedIdentityProviders),
    CallbackURLs: nonEmpty(c.CallbackURLs),
    LogoutURLs: nonEmpty(c.LogoutURLs),
    DefaultRedirectURI: c.DefaultRedirectURI,
    AllowedOAuthFlows: nonEmpty(c.AllowedOAuthFlows),
    AllowedOAuthScopes: nonEmpty(c.AllowedOAuthScopes),
    AllowedOAuthFlowsUserPoolClient: c.AllowedOAuthFlowsUserPoolClient,
    PreventUserExistenceErrors: c.PreventUserExistenceErrors,
    EnableTokenRevocation: c.EnableTokenRevocation,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: c.AuthSessionValidity,
    RefreshTokenRotation: c.RefreshTokenRotation ?? ROTATION_DISABLED,
  };
}
