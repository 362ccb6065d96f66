// UserPoolClientType (DescribeUserPoolClient, CreateUserPoolClient, UpdateUserPoolClient). Like
// Cognito, empty URL / flow / scope lists are left out rather than sent as [].
import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import type { Wire } from '../../operation.js';
import { ROTATION_DISABLED, type AppClient } from '../../../domain/model.js';
import { seconds } from '../../serialize.js';

type ListMember = 'SupportedIdentityProviders' | 'CallbackURLs' | 'LogoutURLs' | 'AllowedOAuthFlows' | 'AllowedOAuthScopes';

/** A computed key would escape the member check: the names are typed. */
const nonEmpty = <K extends ListMember>(name: K, list: readonly string[] | undefined): Partial<Record<K, string[]>> =>
  list && list.length > 0 ? ({ [name]: [...list] } as Partial<Record<K, string[]>>) : {};

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
    ...nonEmpty('SupportedIdentityProviders', c.SupportedIdentityProviders),
    ...nonEmpty('CallbackURLs', c.CallbackURLs),
    ...nonEmpty('LogoutURLs', c.LogoutURLs),
    DefaultRedirectURI: c.DefaultRedirectURI,
    ...nonEmpty('AllowedOAuthFlows', c.AllowedOAuthFlows),
    ...nonEmpty('AllowedOAuthScopes', c.AllowedOAuthScopes),
    AllowedOAuthFlowsUserPoolClient: c.AllowedOAuthFlowsUserPoolClient,
    PreventUserExistenceErrors: c.PreventUserExistenceErrors,
    EnableTokenRevocation: c.EnableTokenRevocation,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: c.AuthSessionValidity,
    RefreshTokenRotation: c.RefreshTokenRotation ?? ROTATION_DISABLED,
  };
}
