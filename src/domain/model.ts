// The emulator's state, in Cognito's own field names (DescribeUserPool, DescribeUserPoolClient,
// DescribeResourceServer, AdminGetUser) so fixtures, the JSON API and the store share one shape.
// Times are epoch milliseconds internally; the JSON API renders them as epoch seconds.
import type { TokenCustomization } from './token-customization.js';
import type { ClaimOverrides } from './claim-overrides.js';
import type { LambdaConfig } from './lambda-config.js';

export type OAuthFlow = 'code' | 'implicit' | 'client_credentials';
export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days';
export type UserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'FORCE_CHANGE_PASSWORD'
  | 'RESET_REQUIRED'
  | 'ARCHIVED'
  | 'COMPROMISED'
  | 'UNKNOWN'
  | 'EXTERNAL_PROVIDER';

/** Today's desktop container class of the classic hosted pages, or the 2020 one older scripts match. */
export type HostedUIDesktopClass = 'modal-content-desktop' | 'modal-content-mobile';

export interface UserPool {
  Id: string;
  Name: string;
  /** Prefix of the hosted-UI domain (informational: one origin serves every pool). */
  Domain?: string;
  /** A custom domain (CreateUserPoolDomain with CustomDomainConfig); informational like Domain. */
  CustomDomain?: string;
  CustomDomainConfig?: { CertificateArn: string };
  /** UpdateUserPoolDomain's ManagedLoginVersion, recorded only: the classic pages (1) are served. */
  ManagedLoginVersion?: number;
  /** 'ACTIVE' makes DeleteUserPool refuse (set through CreateUserPool / UpdateUserPool). */
  DeletionProtection?: 'ACTIVE' | 'INACTIVE';
  UserPoolTags?: Record<string, string>;
  UsernameAttributes: string[];
  AliasAttributes: string[];
  /** Claims added to / suppressed from this pool's tokens (fixtures only; see domain/token-customization.ts). */
  TokenCustomization?: TokenCustomization;
  /** Cognito's LambdaConfigType as given (lambda-config.ts); absent = no triggers. */
  LambdaConfig?: LambdaConfig;
  AutoVerifiedAttributes: string[];
  /** DescribeUserPool's Policies; absent = Cognito's defaults (see domain/password-policy.ts). */
  Policies?: { PasswordPolicy?: PasswordPolicy; SignInPolicy?: { AllowedFirstAuthFactors: AuthFactor[] } };
  /** Custom attributes (full names: `custom:x`, `dev:custom:x`) and overrides of standard ones (domain/schema.ts). */
  Schema?: SchemaAttribute[];
  /** Whether sign-in asks for a second factor (src/sign-in/mfa.ts); absent = OFF. */
  MfaConfiguration?: 'OFF' | 'ON' | 'OPTIONAL';
  /** SetUserPoolMfaConfig's factors besides SMS (SMS is on once SmsConfiguration is set). */
  SoftwareTokenMfaConfiguration?: { Enabled: boolean };
  EmailMfaConfiguration?: { Message?: string; Subject?: string };
  /** SetUserPoolMfaConfig's passkey settings; absent = Cognito's defaults (src/webauthn/relying-party.ts). */
  WebAuthnConfiguration?: { RelyingPartyId?: string; UserVerification: 'required' | 'preferred' };
  /** Remembered devices (src/devices/); absent = device tracking off. */
  DeviceConfiguration?: { ChallengeRequiredOnNewDevice?: boolean; DeviceOnlyRememberedOnUserPrompt?: boolean };
  SmsConfiguration?: { SnsCallerArn: string; ExternalId?: string; SnsRegion?: string };
  AccountRecoverySetting?: { RecoveryMechanisms: RecoveryMechanism[] };
  VerificationMessageTemplate?: VerificationMessageTemplate;
  EmailVerificationMessage?: string;
  EmailVerificationSubject?: string;
  SmsVerificationMessage?: string;
  SmsAuthenticationMessage?: string;
  AdminCreateUserConfig?: AdminCreateUserConfig;
  UserAttributeUpdateSettings?: { AttributesRequireVerificationBeforeUpdate: string[] };
  /** SetLogDeliveryConfiguration's LogConfigurations (stored and returned; the emulator exports no logs). */
  LogDeliveryConfiguration?: Array<Record<string, unknown>>;
  /**
   * Threat protection: AUDIT records auth events with their risk, ENFORCED also acts on the risk configuration (src/threat-protection/).
   */
  UserPoolAddOns?: {
    AdvancedSecurityMode: 'OFF' | 'AUDIT' | 'ENFORCED';
    AdvancedSecurityAdditionalFlows?: { CustomAuthMode?: 'AUDIT' | 'ENFORCED' };
  };
  /** Emulator setting (fixtures only): passwords threat protection treats as compromised, besides the built-in list. */
  CompromisedPasswords?: string[];
  /** SetRiskConfiguration, by ClientId ('ALL' for the pool-wide one). */
  RiskConfigurations?: Record<string, PoolScopedSetting>;
  /** SetUICustomization, by ClientId ('ALL' for the pool-wide one). */
  UICustomizations?: Record<string, PoolScopedSetting>;
  /** Terms documents of the pool's app clients, by TermsId. */
  Terms?: Record<string, TermsRecord>;
  /** Managed-login branding styles, by ManagedLoginBrandingId. */
  ManagedLoginBrandings?: Record<string, ManagedLoginBranding>;
  /** User import jobs (CreateUserImportJob), by JobId. */
  UserImportJobs?: Record<string, UserImportJob>;
  /** Secondary replicas (CreateUserPoolReplica), by region. */
  Replicas?: Record<string, UserPoolReplica>;
  /** SetUserPoolSessionConfiguration's settings; absent = Cognito's defaults (domain/sso-session.ts). */
  SessionConfiguration?: SessionConfiguration;
  /** GetSigningCertificate's certificate (base64 DER), made once for the pool's ID-token key. */
  SigningCertificate?: string;
  /** Emulator setting (fixtures only): which class the desktop copy of the classic hosted pages carries. */
  HostedUIDesktopClass?: HostedUIDesktopClass;
  CreationDate: number;
  LastModifiedDate: number;
}

/** A secondary replica of a pool in another region (UserPoolReplicaType, without the derived members). */
export interface UserPoolReplica {
  RegionName: string;
  Status: 'ACTIVE' | 'INACTIVE';
  UserPoolTags: Record<string, string>;
  CreationDate: number;
}

/** A pool's session tracking (SetUserPoolSessionConfiguration). */
export interface SessionConfiguration {
  UserSessionTracking: 'ENABLED' | 'DISABLED';
  TokenSession: { MaxPerUser: number };
}

/** First factors of choice-based sign-in (USER_AUTH), SignInPolicyType.AllowedFirstAuthFactors. */
export type AuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** A user's MFA factor as UserMFASettingList / PreferredMfaSetting name it. */
export type MfaFactor = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** A setting kept per app client or pool-wide: its members as Cognito returns them, and when it was set. */
export interface PoolScopedSetting {
  Settings: Record<string, unknown>;
  CreationDate: number;
  LastModifiedDate: number;
}

/** Cognito's TermsType (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TermsType.html). */
export interface TermsRecord {
  TermsId: string;
  UserPoolId: string;
  ClientId: string;
  TermsName: string;
  TermsSource: 'LINK';
  Enforcement: 'NONE';
  Links: Record<string, string>;
  CreationDate: number;
  LastModifiedDate: number;
}

/** A managed-login style for one app client (ManagedLoginBrandingType). */
export interface ManagedLoginBranding {
  ManagedLoginBrandingId: string;
  ClientId: string;
  UseCognitoProvidedValues: boolean;
  /** The style document as given (Settings is a JSON document in the API). */
  Settings?: unknown;
  Assets: Array<{ Category: string; ColorMode: string; Extension: string; Bytes?: string; ResourceId?: string }>;
  CreationDate: number;
  LastModifiedDate: number;
}

/** A user import job (UserImportJobType) with what the emulator needs to run it. */
export interface UserImportJob {
  JobId: string;
  JobName: string;
  CloudWatchLogsRoleArn: string;
  Status: 'Created' | 'Pending' | 'InProgress' | 'Stopping' | 'Expired' | 'Stopped' | 'Failed' | 'Succeeded';
  CreationDate: number;
  StartDate?: number;
  CompletionDate?: number;
  ImportedUsers: number;
  SkippedUsers: number;
  FailedUsers: number;
  CompletionMessage?: string;
  /** The secret part of the pre-signed upload URL, and when that URL stops working (epoch ms). */
  UploadToken: string;
  UploadExpiresAt: number;
  /** The uploaded CSV, until the job has run. */
  Csv?: string;
  /** Per-line results, as Cognito writes them to CloudWatch Logs. */
  Log?: string[];
}

/**
 * Cognito's PasswordPolicyType (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html).
 */
export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  PasswordHistorySize?: number;
  TemporaryPasswordValidityDays: number;
}

/** SchemaAttributeType (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SchemaAttributeType.html). */
export interface SchemaAttribute {
  Name: string;
  AttributeDataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
  DeveloperOnlyAttribute: boolean;
  Mutable: boolean;
  Required: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

export interface RecoveryMechanism {
  Priority: number;
  Name: 'verified_email' | 'verified_phone_number' | 'admin_only';
}

export interface VerificationMessageTemplate {
  SmsMessage?: string;
  EmailMessage?: string;
  EmailSubject?: string;
  EmailMessageByLink?: string;
  EmailSubjectByLink?: string;
  DefaultEmailOption?: 'CONFIRM_WITH_LINK' | 'CONFIRM_WITH_CODE';
}

export interface AdminCreateUserConfig {
  AllowAdminCreateUserOnly?: boolean;
  UnusedAccountValidityDays?: number;
  InviteMessageTemplate?: { SMSMessage?: string; EmailMessage?: string; EmailSubject?: string };
}

export interface TokenValidityUnits {
  AccessToken: TimeUnit;
  IdToken: TimeUnit;
  RefreshToken: TimeUnit;
}

/** Refresh-token rotation of an app client (RefreshTokenRotationType). */
export interface RefreshTokenRotation {
  Feature: 'ENABLED' | 'DISABLED';
  /** 0-60: how long a rotated-out refresh token keeps working (retries of a lost answer). */
  RetryGracePeriodSeconds: number;
}

/** Cognito's setting for clients created without one. */
export const ROTATION_DISABLED: RefreshTokenRotation = Object.freeze({ Feature: 'DISABLED', RetryGracePeriodSeconds: 0 });

export const rotates = (client: AppClient): boolean => client.RefreshTokenRotation?.Feature === 'ENABLED';

export interface AppClient {
  ClientId: string;
  UserPoolId: string;
  ClientName: string;
  /** The secret the client was created with (DescribeUserPoolClient's ClientSecret). */
  ClientSecret?: string;
  /** Every active secret once AddUserPoolClientSecret was used (domain/client-secrets.ts). */
  ClientSecrets?: ClientSecretRecord[];
  /** SetUserPoolClientSessionConfiguration's SSOSession; absent = Cognito's default. */
  SSOSession?: { MaxValidityMinutes: number };
  CallbackURLs: string[];
  LogoutURLs: string[];
  DefaultRedirectURI?: string;
  AllowedOAuthFlows: OAuthFlow[];
  AllowedOAuthScopes: string[];
  AllowedOAuthFlowsUserPoolClient: boolean;
  ExplicitAuthFlows: string[];
  SupportedIdentityProviders: string[];
  ReadAttributes?: string[];
  WriteAttributes?: string[];
  AccessTokenValidity: number;
  IdTokenValidity: number;
  RefreshTokenValidity: number;
  TokenValidityUnits: TokenValidityUnits;
  AuthSessionValidity: number;
  EnableTokenRevocation: boolean;
  PreventUserExistenceErrors: 'LEGACY' | 'ENABLED';
  TokenCustomization?: TokenCustomization;
  /** Absent = rotation off (ROTATION_DISABLED). */
  RefreshTokenRotation?: RefreshTokenRotation;
  CreationDate: number;
  LastModifiedDate: number;
}

/** One secret of a confidential app client (ClientSecretDescriptorType, with its value). */
export interface ClientSecretRecord {
  ClientSecretId: string;
  Value: string;
  CreateDate: number;
}

export interface ResourceServerScope {
  ScopeName: string;
  ScopeDescription: string;
}

export interface ResourceServer {
  UserPoolId: string;
  Identifier: string;
  Name: string;
  Scopes: ResourceServerScope[];
}

export interface Group {
  UserPoolId: string;
  GroupName: string;
  Description?: string;
  Precedence?: number;
  RoleArn?: string;
  CreationDate: number;
  LastModifiedDate: number;
}

/** A salted scrypt hash in PHC-like form; never the password itself. */
export type PasswordHash = string;

/**
 * SRP salt and verifier v = g^x mod N, minimal lower-case hex
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html); never the password
 * itself.
 */
export interface SrpVerifier {
  Salt: string;
  Verifier: string;
}

export interface User {
  UserPoolId: string;
  Username: string;
  /** All attributes including `sub`, as Cognito's Name/Value pairs flattened to a map. */
  Attributes: Record<string, string>;
  UserStatus: UserStatus;
  Enabled: boolean;
  /** Group names, in the order they were joined. */
  Groups: string[];
  TokenCustomization?: TokenCustomization;
  PasswordHash?: PasswordHash;
  /** Set with PasswordHash when the password is set through the emulator, for USER_SRP_AUTH. */
  Srp?: SrpVerifier;
  /** Identities of other providers linked to this user (AdminLinkProviderForUser), oldest first. */
  LinkedIdentities?: LinkedIdentity[];
  /**
   * New values of attributes in the pool's AttributesRequireVerificationBeforeUpdate, waiting for
   * VerifyUserAttribute: until then the old value stays (and signs in).
   */
  PendingAttributes?: Record<string, string>;
  /** MFA factors the user turned on (SetUserMFAPreference), in Cognito's order; absent = none. */
  UserMFASettingList?: MfaFactor[];
  PreferredMfaSetting?: MfaFactor;
  /** The verified authenticator app (VerifySoftwareToken): base32 secret, as the app holds it. */
  SoftwareToken?: { Secret: string; FriendlyDeviceName?: string };
  /** Devices seen at sign-in (NewDeviceMetadata), confirmed ones with their SRP verifier (src/devices/). */
  Devices?: Device[];
  /** A secret from AssociateSoftwareToken (access token) waiting for VerifySoftwareToken. */
  PendingSoftwareTokenSecret?: string;
  /** Epoch ms of the last global sign-out: tokens issued before it are refused (see signedOutBefore). */
  TokensRevokedAt?: number;
  UserCreateDate: number;
  UserLastModifiedDate: number;
}

/**
 * A registered passkey (CompleteWebAuthnRegistration), kept in its own table by pool and username.
 * Ids and the public key are base64url, as WebAuthn's JSON forms carry them.
 */
export interface WebAuthnCredential {
  CredentialId: string;
  /** The COSE public key, for verifying sign-in assertions. */
  PublicKey: string;
  /** The authenticator's signature counter, as of the last sign-in. */
  SignCount: number;
  RelyingPartyId: string;
  FriendlyCredentialName: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports: string[];
  CreatedAt: number;
}

/** A federated identity linked to a native user: sign-ins through it yield that user. */
export interface LinkedIdentity {
  ProviderName: string;
  /** `Cognito_Subject` (the provider's user id) or, for OIDC and SAML, a mapped claim name. */
  ProviderAttributeName: string;
  ProviderAttributeValue: string;
  DateCreated: number;
}

export type ProviderType = 'SAML' | 'Facebook' | 'Google' | 'LoginWithAmazon' | 'SignInWithApple' | 'OIDC';

/** DescribeIdentityProvider's IdentityProviderType, plus identities for the emulated provider page. */
export interface IdentityProvider {
  UserPoolId: string;
  ProviderName: string;
  ProviderType: ProviderType;
  /** As given (client_secret and private_key included); Describe adds the provider's fixed endpoints. */
  ProviderDetails: Record<string, string>;
  /** User-pool attribute → provider claim. */
  AttributeMapping: Record<string, string>;
  IdpIdentifiers: string[];
  /** Emulator only: upstream identities the emulated provider page offers (fixtures). */
  EmulatedIdentities?: Array<Record<string, string>>;
  CreationDate: number;
  LastModifiedDate: number;
}

/** A tracked device (DeviceType plus what device authentication needs). */
export interface Device {
  DeviceKey: string;
  DeviceGroupKey: string;
  DeviceName?: string;
  /** Set by ConfirmDevice: the device's own SRP salt and verifier (hex), made from a password only it knows. */
  Verifier?: { Salt: string; PasswordVerifier: string };
  RememberedStatus: 'remembered' | 'not_remembered';
  DeviceCreateDate: number;
  DeviceLastModifiedDate: number;
  DeviceLastAuthenticatedDate: number;
}

/** Private keys of one pool, as JWKs so they survive in DATA_FILE and can come from fixtures. */
export interface PoolKeys {
  IdToken: PrivateJwk;
  AccessToken: PrivateJwk;
  RefreshToken: PrivateJwk;
}

export interface PrivateJwk {
  kty: 'RSA';
  kid?: string;
  n: string;
  e: string;
  d: string;
  p: string;
  q: string;
  dp: string;
  dq: string;
  qi: string;
  [extra: string]: unknown;
}

/** What a one-time authorization code stands for (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html). */
export interface AuthorizationCode {
  code: string;
  userPoolId: string;
  clientId: string;
  redirectUri: string;
  username: string;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  /** The pre token generation trigger's changes, obtained at sign-in (where its errors can reach the browser). */
  overrides?: ClaimOverrides;
  authTime: number;
  expiresAt: number;
}

/** Standard OIDC scopes that are not resource-server scopes. */
export const STANDARD_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'] as const;

/**
 * Whether a token issued at `iat` (epoch seconds) predates the user's last global sign-out.
 * iat has one-second resolution, so tokens issued in the sign-out's own second are stamped with
 * the next second (firstIatAfterSignOut) and everything else from that second counts as before it.
 */
export function signedOutBefore(user: User, iat: number): boolean {
  return user.TokensRevokedAt !== undefined && iat * 1000 <= user.TokensRevokedAt;
}

export function firstIatAfterSignOut(user: User, iat: number): number {
  return user.TokensRevokedAt !== undefined ? Math.max(iat, Math.floor(user.TokensRevokedAt / 1000) + 1) : iat;
}

/** One auth event as AdminListUserAuthEvents returns it (AuthEventType), kept per user (src/threat-protection/). */
export interface AuthEvent {
  EventId: string;
  EventType: 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';
  /** Epoch ms. */
  CreationDate: number;
  EventResponse: 'Pass' | 'Fail' | 'InProgress';
  EventRisk: {
    RiskDecision: 'NoRisk' | 'AccountTakeover' | 'Block';
    RiskLevel?: 'Low' | 'Medium' | 'High';
    CompromisedCredentialsDetected: boolean;
  };
  ChallengeResponses: Array<{ ChallengeName: 'Password' | 'Mfa'; ChallengeResponse: 'Success' | 'Failure' }>;
  EventContextData: { IpAddress?: string; DeviceName?: string; Timezone?: string; City?: string; Country?: string };
  EventFeedback?: { FeedbackValue: 'Valid' | 'Invalid'; Provider: string; FeedbackDate: number };
  /** The app client the event happened through (not returned). */
  ClientId?: string;
  /** InProgress sign-ins: the challenge the user still has to answer (not returned). */
  Challenge?: string;
}

/** A token session (ListUserSessions): one refresh-token family, from its sign-in until revoked or expired. */
export interface TokenSession {
  SessionId: string;
  ClientId: string;
  /** The refresh-token family (origin_jti of its tokens): revoking the session revokes it. */
  OriginJti: string;
  /** Epoch ms. */
  CreateDate: number;
  LastActiveDate: number;
  /** Epoch ms when its refresh token expires: the session ends with it. */
  ExpiresAt: number;
  /** Epoch seconds: the `iat` of its first tokens, which a global sign-out compares with. */
  IssuedAt: number;
  LastIPAddress?: string;
  DeviceType?: string;
}
