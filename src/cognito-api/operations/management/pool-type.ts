// UserPoolType as DescribeUserPool / CreateUserPool return it: the settings the emulator keeps as
// stored, the rest (email sending) as Cognito's defaults for a new pool.
import type { UserPoolDescriptionType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Wire } from '../../operation.js';
import type { UserPool } from '../../../domain/model.js';
import { DEFAULT_PASSWORD_POLICY } from '../../../domain/password-policy.js';
import { schemaAttributes } from '../../../domain/schema.js';
import type { Store } from '../../../store/store.js';
import { seconds } from '../../serialize.js';
import { poolArn } from '../../region.js';

export function userPoolType(pool: UserPool, store: Store): Wire<UserPoolType> {
  return {
    Id: pool.Id,
    Name: pool.Name,
    Arn: poolArn(pool.Id),
    Policies: {
      PasswordPolicy: pool.Policies?.PasswordPolicy ?? DEFAULT_PASSWORD_POLICY,
      SignInPolicy: pool.Policies?.SignInPolicy ?? { AllowedFirstAuthFactors: ['PASSWORD'] },
    },
    DeletionProtection: pool.DeletionProtection ?? 'INACTIVE',
    LambdaConfig: pool.LambdaConfig ?? {},
    LastModifiedDate: seconds(pool.LastModifiedDate),
    CreationDate: seconds(pool.CreationDate),
    SchemaAttributes: schemaAttributes(pool),
    AutoVerifiedAttributes: pool.AutoVerifiedAttributes,
    AliasAttributes: pool.AliasAttributes.length > 0 ? pool.AliasAttributes : undefined,
    UsernameAttributes: pool.UsernameAttributes.length > 0 ? pool.UsernameAttributes : undefined,
    SmsVerificationMessage: pool.SmsVerificationMessage,
    EmailVerificationMessage: pool.EmailVerificationMessage,
    EmailVerificationSubject: pool.EmailVerificationSubject,
    VerificationMessageTemplate: pool.VerificationMessageTemplate ?? { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    SmsAuthenticationMessage: pool.SmsAuthenticationMessage,
    UserAttributeUpdateSettings: pool.UserAttributeUpdateSettings ?? { AttributesRequireVerificationBeforeUpdate: [] },
    MfaConfiguration: pool.MfaConfiguration ?? 'OFF',
    EstimatedNumberOfUsers: store.listUsers(pool.Id).length,
    EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    SmsConfiguration: pool.SmsConfiguration,
    DeviceConfiguration: pool.DeviceConfiguration,
    UserPoolTags: pool.UserPoolTags ?? {},
    Domain: pool.Domain,
    CustomDomain: pool.CustomDomain,
    AdminCreateUserConfig: pool.AdminCreateUserConfig ?? { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
    AccountRecoverySetting: pool.AccountRecoverySetting,
    UserPoolAddOns: pool.UserPoolAddOns,
    UserPoolTier: 'ESSENTIALS',
  };
}

/** UserPoolDescriptionType (ListUserPools). */
export function userPoolDescription(pool: UserPool): Wire<UserPoolDescriptionType> {
  return {
    Id: pool.Id,
    Name: pool.Name,
    LambdaConfig: pool.LambdaConfig ?? {},
    LastModifiedDate: seconds(pool.LastModifiedDate),
    CreationDate: seconds(pool.CreationDate),
  };
}
