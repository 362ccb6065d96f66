// One valid call of every operation the emulator implements, in an order that builds what later
// calls need (a pool, a client, users with passwords, tokens, codes). Each step names the
// operation and builds its input from what earlier steps returned. The conformance test runs the
// steps through the real AWS SDK and checks every request and answer against the model.
import type { Input } from '../../src/cognito-api/operation.js';
import { totpCode } from '../../src/mfa/totp.js';
import { solidPng } from '../helpers/png.js';
import { assertPasskey, createPasskey, type SoftPasskey } from '../helpers/soft-authenticator.js';

export interface ScenarioContext {
  /** Outputs of earlier steps, by label (the operation name unless a step names another). */
  out: Record<string, Record<string, unknown>>;
  /** The newest code the emulator sent to a user (GET /_emulator/messages). */
  code(username: string): Promise<string>;
  /** An upload to a URL an operation returned (user import). */
  upload(url: string, body: string): Promise<void>;
  /** A raw JSON call outside the recorded exchanges (polling). */
  raw(op: string, body: Input): Promise<Record<string, unknown>>;
}

export interface Step {
  op: string;
  label?: string;
  /** The exception the call must fail with (its name is then checked against the model's errors). */
  fails?: string;
  input(ctx: ScenarioContext): Input | Promise<Input>;
}

const str = (value: unknown): string => {
  if (typeof value !== 'string') throw new Error(`scenario: expected a string, got ${JSON.stringify(value)}`);
  return value;
};
const at = (ctx: ScenarioContext, label: string, ...path: string[]): string => {
  let value: unknown = ctx.out[label];
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return str(value);
};

/** A member of the first element of a list an earlier step returned. */
const firstOf = (ctx: ScenarioContext, label: string, list: string, member: string): string =>
  str((ctx.out[label]?.[list] as Array<Record<string, unknown>> | undefined)?.[0]?.[member]);
const sessions = (ctx: ScenarioContext, label: string) => (ctx.out[label]?.Sessions ?? []) as Array<Record<string, unknown>>;
const otherSession = (ctx: ScenarioContext, label: string) =>
  str(sessions(ctx, label).find((s) => s.IsCurrentSession === false)?.SessionId);
const currentSession = (ctx: ScenarioContext, label: string) =>
  str(sessions(ctx, label).find((s) => s.IsCurrentSession === true)?.SessionId);

const PASSWORD = 'Conformance-Passw0rd';
/** The passkey registered below, for the passkey sign-in after it. */
let passkey: SoftPasskey | undefined;
const APP_ORIGIN = 'http://localhost:3000';
const TEMPORARY = 'Temporary-Passw0rd1';
const pool = (ctx: ScenarioContext) => at(ctx, 'CreateUserPool', 'UserPool', 'Id');
const client = (ctx: ScenarioContext) => at(ctx, 'CreateUserPoolClient', 'UserPoolClient', 'ClientId');
const machine = (ctx: ScenarioContext) => at(ctx, 'machine', 'UserPoolClient', 'ClientId');
const access = (ctx: ScenarioContext, label: string) => at(ctx, label, 'AuthenticationResult', 'AccessToken');
const device = (ctx: ScenarioContext, label: string) => at(ctx, label, 'AuthenticationResult', 'NewDeviceMetadata', 'DeviceKey');
/** A device's SRP salt and verifier as clients send them (base64 of the bytes); any non-zero values do here. */
const DEVICE_VERIFIER = {
  PasswordVerifier: Buffer.from('0d15ea5e'.repeat(8), 'hex').toString('base64'),
  Salt: Buffer.from('5a175a17'.repeat(4), 'hex').toString('base64'),
};
const onPool =
  (extra: Input = {}) =>
  (ctx: ScenarioContext): Input => ({ UserPoolId: pool(ctx), ...extra });
const createUser = (name: string): Step => ({
  op: 'AdminCreateUser',
  label: `AdminCreateUser ${name}`,
  input: onPool({
    Username: name,
    TemporaryPassword: TEMPORARY,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }],
  }),
});
const passwordAuth = (label: string, username: string, password: string): Step => ({
  op: 'InitiateAuth',
  label,
  input: (ctx) => ({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: client(ctx), AuthParameters: { USERNAME: username, PASSWORD: password } }),
});

export const SCENARIO: Step[] = [
  {
    op: 'CreateUserPool',
    input: () => ({
      PoolName: 'conformance',
      UserPoolTags: { team: 'qa' },
      AutoVerifiedAttributes: ['email'],
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
    }),
  },
  { op: 'DescribeUserPool', input: onPool() },
  { op: 'ListUserPools', input: () => ({ MaxResults: 60 }) },
  {
    op: 'UpdateUserPool',
    input: onPool({
      AutoVerifiedAttributes: ['email'],
      UserPoolTags: { team: 'qa' },
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: true },
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
    }),
  },
  { op: 'AddCustomAttributes', input: onPool({ CustomAttributes: [{ Name: 'tier', AttributeDataType: 'String', Mutable: true }] }) },
  {
    op: 'CreateUserPoolClient',
    input: onPool({
      ClientName: 'conformance app',
      CallbackURLs: ['https://app.example/callback'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'],
    }),
  },
  { op: 'DescribeUserPoolClient', input: (ctx) => ({ UserPoolId: pool(ctx), ClientId: client(ctx) }) },
  { op: 'ListUserPoolClients', input: onPool({ MaxResults: 60 }) },
  {
    op: 'UpdateUserPoolClient',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ClientId: client(ctx),
      ClientName: 'conformance app',
      CallbackURLs: ['https://app.example/callback'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'],
    }),
  },
  {
    op: 'CreateResourceServer',
    input: onPool({ Identifier: 'https://api.example', Name: 'api', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }] }),
  },
  { op: 'DescribeResourceServer', input: onPool({ Identifier: 'https://api.example' }) },
  { op: 'ListResourceServers', input: onPool({ MaxResults: 50 }) },
  {
    op: 'UpdateResourceServer',
    input: onPool({ Identifier: 'https://api.example', Name: 'api v2', Scopes: [{ ScopeName: 'write', ScopeDescription: 'Write' }] }),
  },
  // A machine client (its only flow, ALLOW_CLIENT_TOKEN_AUTH, is newer than the model and the SDK: made with a raw call).
  {
    op: 'AddUserPoolClientSecret',
    input: async (ctx) => {
      ctx.out.machine = await ctx.raw('CreateUserPoolClient', {
        UserPoolId: pool(ctx),
        ClientName: 'machine',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'],
        AllowedOAuthScopes: ['https://api.example/write'],
      });
      return { UserPoolId: pool(ctx), ClientId: machine(ctx) };
    },
  },
  { op: 'ListUserPoolClientSecrets', input: (ctx) => ({ UserPoolId: pool(ctx), ClientId: machine(ctx) }) },
  {
    op: 'GetClientToken',
    input: (ctx) => ({
      ClientId: machine(ctx),
      Secret: at(ctx, 'AddUserPoolClientSecret', 'ClientSecretDescriptor', 'ClientSecretValue'),
      Scopes: ['https://api.example/write'],
    }),
  },
  {
    op: 'DeleteUserPoolClientSecret',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ClientId: machine(ctx),
      ClientSecretId: str(
        (ctx.out.ListUserPoolClientSecrets?.ClientSecrets as Array<Record<string, unknown>> | undefined)?.[0]?.ClientSecretId,
      ),
    }),
  },
  { op: 'GetUserPoolSessionConfiguration', input: onPool() },
  { op: 'SetUserPoolSessionConfiguration', input: onPool({ UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 10 } }) },
  {
    op: 'SetUserPoolClientSessionConfiguration',
    input: (ctx) => ({ UserPoolId: pool(ctx), ClientId: client(ctx), SSOSession: { MaxValidityMinutes: 30 } }),
  },
  { op: 'GetUserPoolClientSessionConfiguration', input: (ctx) => ({ UserPoolId: pool(ctx), ClientId: client(ctx) }) },
  {
    op: 'GetProvisionedLimit',
    input: () => ({ LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: 'UserCreation' } } }),
  },
  {
    op: 'UpdateProvisionedLimit',
    input: () => ({ LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: 'UserCreation' } }, RequestedLimitValue: 60 }),
  },
  { op: 'CreateUserPoolReplica', input: onPool({ RegionName: 'eu-west-1', UserPoolTags: { team: 'qa' } }) },
  { op: 'ListUserPoolReplicas', input: onPool() },
  { op: 'UpdateUserPoolReplica', input: onPool({ RegionName: 'eu-west-1', Status: 'INACTIVE' }) },
  { op: 'DeleteUserPoolReplica', input: onPool({ RegionName: 'eu-west-1' }) },
  { op: 'CreateUserPoolDomain', input: onPool({ Domain: 'conformance-harness' }) },
  { op: 'DescribeUserPoolDomain', input: () => ({ Domain: 'conformance-harness' }) },
  { op: 'UpdateUserPoolDomain', input: onPool({ Domain: 'conformance-harness', ManagedLoginVersion: 1 }) },
  { op: 'TagResource', input: (ctx) => ({ ResourceArn: at(ctx, 'CreateUserPool', 'UserPool', 'Arn'), Tags: { env: 'ci' } }) },
  { op: 'ListTagsForResource', input: (ctx) => ({ ResourceArn: at(ctx, 'CreateUserPool', 'UserPool', 'Arn') }) },
  { op: 'UntagResource', input: (ctx) => ({ ResourceArn: at(ctx, 'CreateUserPool', 'UserPool', 'Arn'), TagKeys: ['env'] }) },
  {
    op: 'SetRiskConfiguration',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ClientId: client(ctx),
      CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN'], Actions: { EventAction: 'BLOCK' } },
      AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK', Notify: false } } },
      RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.0/24'] },
    }),
  },
  { op: 'DescribeRiskConfiguration', input: (ctx) => ({ UserPoolId: pool(ctx), ClientId: client(ctx) }) },
  { op: 'SetUICustomization', input: onPool({ CSS: '.banner-customizable { background-color: #333; }', ImageFile: solidPng(2, 2) }) },
  { op: 'GetUICustomization', input: (ctx) => ({ UserPoolId: pool(ctx), ClientId: client(ctx) }) },
  {
    op: 'SetLogDeliveryConfiguration',
    input: onPool({
      LogConfigurations: [
        {
          LogLevel: 'ERROR',
          EventSource: 'userNotification',
          CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:cognito' },
        },
      ],
    }),
  },
  { op: 'GetLogDeliveryConfiguration', input: onPool() },
  { op: 'GetSigningCertificate', input: onPool() },
  {
    op: 'CreateTerms',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ClientId: client(ctx),
      TermsName: 'terms-of-use',
      TermsSource: 'LINK',
      Enforcement: 'NONE',
      Links: { 'cognito:default': 'https://app.example/terms' },
    }),
  },
  { op: 'DescribeTerms', input: (ctx) => ({ UserPoolId: pool(ctx), TermsId: at(ctx, 'CreateTerms', 'Terms', 'TermsId') }) },
  { op: 'DescribeTermsByClient', input: (ctx) => ({ UserPoolId: pool(ctx), ClientId: client(ctx), TermsName: 'terms-of-use' }) },
  { op: 'ListTerms', input: onPool({ MaxResults: 10 }) },
  {
    op: 'UpdateTerms',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      TermsId: at(ctx, 'CreateTerms', 'Terms', 'TermsId'),
      Links: { 'cognito:default': 'https://app.example/terms/v2' },
    }),
  },
  { op: 'DeleteTerms', input: (ctx) => ({ UserPoolId: pool(ctx), TermsId: at(ctx, 'CreateTerms', 'Terms', 'TermsId') }) },
  {
    op: 'CreateManagedLoginBranding',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ClientId: client(ctx),
      Settings: { categories: { global: { colorSchemeMode: 'LIGHT' } } },
      Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: new Uint8Array([137, 80, 78, 71]) }],
    }),
  },
  {
    op: 'DescribeManagedLoginBranding',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ManagedLoginBrandingId: at(ctx, 'CreateManagedLoginBranding', 'ManagedLoginBranding', 'ManagedLoginBrandingId'),
    }),
  },
  { op: 'DescribeManagedLoginBrandingByClient', input: (ctx) => ({ UserPoolId: pool(ctx), ClientId: client(ctx) }) },
  {
    op: 'UpdateManagedLoginBranding',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ManagedLoginBrandingId: at(ctx, 'CreateManagedLoginBranding', 'ManagedLoginBranding', 'ManagedLoginBrandingId'),
      UseCognitoProvidedValues: true,
    }),
  },
  {
    op: 'DeleteManagedLoginBranding',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ManagedLoginBrandingId: at(ctx, 'CreateManagedLoginBranding', 'ManagedLoginBranding', 'ManagedLoginBrandingId'),
    }),
  },
  { op: 'GetCSVHeader', input: onPool() },
  {
    op: 'CreateUserImportJob',
    input: onPool({ JobName: 'conformance import', CloudWatchLogsRoleArn: 'arn:aws:iam::000000000000:role/CognitoImport' }),
  },
  {
    op: 'StartUserImportJob',
    input: async (ctx) => {
      const columns = ctx.out.GetCSVHeader?.CSVHeader as string[] | undefined;
      if (!columns) throw new Error('GetCSVHeader gave no CSVHeader');
      const header = columns.join(',');
      const row = columns
        .map(
          (c) =>
            (
              ({
                'cognito:username': 'imported',
                'cognito:mfa_enabled': 'false',
                email: 'imported@example.com',
                email_verified: 'true',
              }) as Record<string, string>
            )[c] ?? '',
        )
        .join(',');
      await ctx.upload(at(ctx, 'CreateUserImportJob', 'UserImportJob', 'PreSignedUrl'), `${header}\n${row}\n`);
      return { UserPoolId: pool(ctx), JobId: at(ctx, 'CreateUserImportJob', 'UserImportJob', 'JobId') };
    },
  },
  {
    op: 'DescribeUserImportJob',
    input: async (ctx) => {
      const body = { UserPoolId: pool(ctx), JobId: at(ctx, 'CreateUserImportJob', 'UserImportJob', 'JobId') };
      for (let i = 0; i < 200; i++) {
        const { UserImportJob } = (await ctx.raw('DescribeUserImportJob', body)) as { UserImportJob?: { Status?: string } };
        if (UserImportJob?.Status === 'Succeeded') break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return body;
    },
  },
  { op: 'ListUserImportJobs', input: onPool({ MaxResults: 10 }) },
  {
    op: 'StopUserImportJob',
    fails: 'PreconditionNotMetException',
    input: (ctx) => ({ UserPoolId: pool(ctx), JobId: at(ctx, 'CreateUserImportJob', 'UserImportJob', 'JobId') }),
  },
  { op: 'CreateGroup', input: onPool({ GroupName: 'testers', Description: 'QA', Precedence: 3 }) },
  { op: 'GetGroup', input: onPool({ GroupName: 'testers' }) },
  { op: 'ListGroups', input: onPool({ Limit: 60 }) },
  { op: 'UpdateGroup', input: onPool({ GroupName: 'testers', Description: 'Quality' }) },
  {
    op: 'CreateIdentityProvider',
    input: onPool({
      ProviderName: 'Google',
      ProviderType: 'Google',
      IdpIdentifiers: ['example.com'],
      AttributeMapping: { email: 'email' },
      ProviderDetails: { client_id: 'google-client', client_secret: 'google-secret', authorize_scopes: 'openid email' },
    }),
  },
  { op: 'DescribeIdentityProvider', input: onPool({ ProviderName: 'Google' }) },
  { op: 'ListIdentityProviders', input: onPool({ MaxResults: 60 }) },
  {
    op: 'UpdateIdentityProvider',
    input: onPool({ ProviderName: 'Google', AttributeMapping: { email: 'email', given_name: 'given_name' } }),
  },
  { op: 'GetIdentityProviderByIdentifier', input: onPool({ IdpIdentifier: 'example.com' }) },

  createUser('ann'),
  { op: 'AdminGetUser', input: onPool({ Username: 'ann' }) },
  {
    op: 'AdminLinkProviderForUser',
    input: onPool({
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'ann' },
      SourceUser: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: '117300206013007398924' },
    }),
  },
  {
    op: 'AdminDisableProviderForUser',
    input: onPool({
      User: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: '117300206013007398924' },
    }),
  },
  { op: 'DeleteIdentityProvider', input: onPool({ ProviderName: 'Google' }) },
  { op: 'ListUsers', input: onPool({ Limit: 60 }) },
  { op: 'AdminUpdateUserAttributes', input: onPool({ Username: 'ann', UserAttributes: [{ Name: 'given_name', Value: 'Ann' }] }) },
  { op: 'AdminDeleteUserAttributes', input: onPool({ Username: 'ann', UserAttributeNames: ['given_name'] }) },
  { op: 'AdminAddUserToGroup', input: onPool({ Username: 'ann', GroupName: 'testers' }) },
  { op: 'AdminListGroupsForUser', input: onPool({ Username: 'ann', Limit: 60 }) },
  { op: 'ListUsersInGroup', input: onPool({ GroupName: 'testers', Limit: 60 }) },
  { op: 'AdminRemoveUserFromGroup', input: onPool({ Username: 'ann', GroupName: 'testers' }) },
  { op: 'AdminDisableUser', input: onPool({ Username: 'ann' }) },
  { op: 'AdminEnableUser', input: onPool({ Username: 'ann' }) },
  { op: 'AdminSetUserPassword', input: onPool({ Username: 'ann', Password: PASSWORD, Permanent: true }) },
  {
    op: 'AdminInitiateAuth',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ClientId: client(ctx),
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'ann', PASSWORD },
    }),
  },
  passwordAuth('InitiateAuth', 'ann', PASSWORD),
  {
    op: 'InitiateAuth',
    label: 'InitiateAuth refresh',
    input: (ctx) => ({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: client(ctx),
      AuthParameters: { REFRESH_TOKEN: at(ctx, 'InitiateAuth', 'AuthenticationResult', 'RefreshToken') },
    }),
  },
  { op: 'GetUser', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth') }) },
  // Remembered devices: the pool tracks devices, so each sign-in above returned NewDeviceMetadata.
  {
    op: 'ConfirmDevice',
    input: (ctx) => ({
      AccessToken: access(ctx, 'InitiateAuth'),
      DeviceKey: device(ctx, 'InitiateAuth'),
      DeviceSecretVerifierConfig: DEVICE_VERIFIER,
      DeviceName: 'conformance',
    }),
  },
  {
    op: 'ConfirmDevice',
    label: 'ConfirmDevice admin',
    input: (ctx) => ({
      AccessToken: access(ctx, 'AdminInitiateAuth'),
      DeviceKey: device(ctx, 'AdminInitiateAuth'),
      DeviceSecretVerifierConfig: DEVICE_VERIFIER,
    }),
  },
  { op: 'GetDevice', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), DeviceKey: device(ctx, 'InitiateAuth') }) },
  { op: 'ListDevices', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), Limit: 10 }) },
  {
    op: 'UpdateDeviceStatus',
    input: (ctx) => ({
      AccessToken: access(ctx, 'InitiateAuth'),
      DeviceKey: device(ctx, 'InitiateAuth'),
      DeviceRememberedStatus: 'remembered',
    }),
  },
  { op: 'AdminGetDevice', input: (ctx) => ({ UserPoolId: pool(ctx), Username: 'ann', DeviceKey: device(ctx, 'InitiateAuth') }) },
  { op: 'AdminListDevices', input: onPool({ Username: 'ann', Limit: 10 }) },
  {
    op: 'AdminUpdateDeviceStatus',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      Username: 'ann',
      DeviceKey: device(ctx, 'InitiateAuth'),
      DeviceRememberedStatus: 'not_remembered',
    }),
  },
  { op: 'ForgetDevice', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), DeviceKey: device(ctx, 'InitiateAuth') }) },
  { op: 'AdminForgetDevice', input: (ctx) => ({ UserPoolId: pool(ctx), Username: 'ann', DeviceKey: device(ctx, 'AdminInitiateAuth') }) },
  { op: 'DeleteUserAttributes', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), UserAttributeNames: ['given_name'] }) },
  {
    op: 'GetTokensFromRefreshToken',
    input: (ctx) => ({ ClientId: client(ctx), RefreshToken: at(ctx, 'InitiateAuth', 'AuthenticationResult', 'RefreshToken') }),
  },
  {
    op: 'UpdateUserAttributes',
    input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), UserAttributes: [{ Name: 'email', Value: 'ann.new@example.com' }] }),
  },
  { op: 'GetUserAttributeVerificationCode', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), AttributeName: 'email' }) },
  {
    op: 'VerifyUserAttribute',
    input: async (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), AttributeName: 'email', Code: await ctx.code('ann') }),
  },
  {
    op: 'SetUserPoolMfaConfig',
    input: onPool({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'preferred' },
    }),
  },
  { op: 'GetUserPoolMfaConfig', input: onPool() },
  { op: 'AssociateSoftwareToken', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth') }) },
  {
    op: 'VerifySoftwareToken',
    input: (ctx) => ({
      AccessToken: access(ctx, 'InitiateAuth'),
      UserCode: totpCode(at(ctx, 'AssociateSoftwareToken', 'SecretCode'), Date.now()),
      FriendlyDeviceName: 'phone',
    }),
  },
  {
    op: 'SetUserMFAPreference',
    input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
  },
  // Off again, so the sign-ins below need no second factor.
  {
    op: 'AdminSetUserMFAPreference',
    input: onPool({ Username: 'ann', SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } }),
  },
  // Passkeys: a software authenticator answers the creation options (test/helpers/soft-authenticator.ts).
  { op: 'StartWebAuthnRegistration', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth') }) },
  {
    op: 'CompleteWebAuthnRegistration',
    input: (ctx) => {
      const made = createPasskey(ctx.out.StartWebAuthnRegistration?.CredentialCreationOptions as never, { origin: APP_ORIGIN });
      passkey = made.passkey;
      return { AccessToken: access(ctx, 'InitiateAuth'), Credential: made.response };
    },
  },
  { op: 'ListWebAuthnCredentials', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), MaxResults: 10 }) },
  {
    op: 'InitiateAuth',
    label: 'InitiateAuth passkey',
    input: (ctx) => ({
      AuthFlow: 'USER_AUTH',
      ClientId: client(ctx),
      AuthParameters: { USERNAME: 'ann', PREFERRED_CHALLENGE: 'WEB_AUTHN' },
    }),
  },
  {
    op: 'RespondToAuthChallenge',
    label: 'RespondToAuthChallenge passkey',
    input: (ctx) => {
      if (!passkey) throw new Error('scenario: no passkey registered');
      const options = at(ctx, 'InitiateAuth passkey', 'ChallengeParameters', 'CREDENTIAL_REQUEST_OPTIONS');
      return {
        ClientId: client(ctx),
        ChallengeName: 'WEB_AUTHN',
        Session: at(ctx, 'InitiateAuth passkey', 'Session'),
        ChallengeResponses: { USERNAME: 'ann', CREDENTIAL: assertPasskey(passkey, options, APP_ORIGIN) },
      };
    },
  },
  { op: 'GetUserAuthFactors', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth') }) },
  { op: 'AdminGetUserAuthFactors', input: onPool({ Username: 'ann' }) },
  {
    op: 'DeleteWebAuthnCredential',
    input: (ctx) => ({
      AccessToken: access(ctx, 'InitiateAuth'),
      CredentialId: str((ctx.out.ListWebAuthnCredentials?.Credentials as Array<{ CredentialId: string }> | undefined)?.[0]?.CredentialId),
    }),
  },
  { op: 'AdminDeleteSoftwareToken', input: onPool({ Username: 'ann' }) },
  { op: 'SetUserSettings', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), MFAOptions: [] }) },
  { op: 'AdminSetUserSettings', input: onPool({ Username: 'ann', MFAOptions: [] }) },
  // Threat protection is in AUDIT mode: ann's sign-ins above were recorded.
  { op: 'AdminListUserAuthEvents', input: onPool({ Username: 'ann', MaxResults: 10 }) },
  {
    op: 'AdminUpdateAuthEventFeedback',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      Username: 'ann',
      EventId: firstOf(ctx, 'AdminListUserAuthEvents', 'AuthEvents', 'EventId'),
      FeedbackValue: 'Valid',
    }),
  },
  // The feedback token comes in an account-takeover notification; a made-up one is refused.
  {
    op: 'UpdateAuthEventFeedback',
    fails: 'NotAuthorizedException',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      Username: 'ann',
      EventId: firstOf(ctx, 'AdminListUserAuthEvents', 'AuthEvents', 'EventId'),
      FeedbackToken: 'made-up',
      FeedbackValue: 'Invalid',
    }),
  },
  // ann's token sessions: one per sign-in above; the InitiateAuth one is the caller's.
  { op: 'ListUserSessions', input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth') }) },
  { op: 'AdminListUserSessions', input: onPool({ Username: 'ann' }) },
  {
    op: 'RevokeUserSession',
    input: (ctx) => ({
      AccessToken: access(ctx, 'InitiateAuth'),
      SessionId: otherSession(ctx, 'ListUserSessions'),
      RevokeAssociatedSessions: 'NONE',
    }),
  },
  {
    op: 'ChangePassword',
    input: (ctx) => ({ AccessToken: access(ctx, 'InitiateAuth'), PreviousPassword: PASSWORD, ProposedPassword: `${PASSWORD}2` }),
  },
  {
    op: 'AdminRevokeUserSession',
    input: (ctx) => ({ UserPoolId: pool(ctx), Username: 'ann', SessionId: currentSession(ctx, 'ListUserSessions') }),
  },
  {
    op: 'RevokeToken',
    input: (ctx) => ({ ClientId: client(ctx), Token: at(ctx, 'InitiateAuth', 'AuthenticationResult', 'RefreshToken') }),
  },

  createUser('ben'),
  passwordAuth('InitiateAuth ben', 'ben', TEMPORARY),
  {
    op: 'RespondToAuthChallenge',
    input: (ctx) => ({
      ClientId: client(ctx),
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: at(ctx, 'InitiateAuth ben', 'Session'),
      ChallengeResponses: { USERNAME: 'ben', NEW_PASSWORD: PASSWORD },
    }),
  },
  { op: 'GlobalSignOut', input: (ctx) => ({ AccessToken: access(ctx, 'RespondToAuthChallenge') }) },
  createUser('cat'),
  {
    op: 'AdminInitiateAuth',
    label: 'AdminInitiateAuth cat',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ClientId: client(ctx),
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'cat', PASSWORD: TEMPORARY },
    }),
  },
  {
    op: 'AdminRespondToAuthChallenge',
    input: (ctx) => ({
      UserPoolId: pool(ctx),
      ClientId: client(ctx),
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: at(ctx, 'AdminInitiateAuth cat', 'Session'),
      ChallengeResponses: { USERNAME: 'cat', NEW_PASSWORD: PASSWORD },
    }),
  },
  { op: 'AdminUserGlobalSignOut', input: onPool({ Username: 'ben' }) },
  { op: 'DeleteUser', input: (ctx) => ({ AccessToken: access(ctx, 'AdminRespondToAuthChallenge') }) },

  {
    op: 'SignUp',
    input: (ctx) => ({
      ClientId: client(ctx),
      Username: 'dan',
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'dan@example.com' }],
    }),
  },
  { op: 'ResendConfirmationCode', input: (ctx) => ({ ClientId: client(ctx), Username: 'dan' }) },
  { op: 'ConfirmSignUp', input: async (ctx) => ({ ClientId: client(ctx), Username: 'dan', ConfirmationCode: await ctx.code('dan') }) },
  {
    op: 'SignUp',
    label: 'SignUp eve',
    input: (ctx) => ({
      ClientId: client(ctx),
      Username: 'eve',
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'eve@example.com' }],
    }),
  },
  { op: 'AdminConfirmSignUp', input: onPool({ Username: 'eve' }) },
  { op: 'ForgotPassword', input: (ctx) => ({ ClientId: client(ctx), Username: 'dan' }) },
  {
    op: 'ConfirmForgotPassword',
    input: async (ctx) => ({ ClientId: client(ctx), Username: 'dan', ConfirmationCode: await ctx.code('dan'), Password: `${PASSWORD}3` }),
  },
  { op: 'AdminResetUserPassword', input: onPool({ Username: 'dan' }) },
  { op: 'AdminDeleteUser', input: onPool({ Username: 'eve' }) },

  { op: 'DeleteGroup', input: onPool({ GroupName: 'testers' }) },
  { op: 'DeleteResourceServer', input: onPool({ Identifier: 'https://api.example' }) },
  { op: 'DeleteUserPoolDomain', input: onPool({ Domain: 'conformance-harness' }) },
  { op: 'DeleteUserPoolClient', input: (ctx) => ({ UserPoolId: pool(ctx), ClientId: client(ctx) }) },
];

/** Run after the negative cases, which replay the requests above against the same pool. */
export const TEARDOWN: Step[] = [{ op: 'DeleteUserPool', input: onPool() }];
