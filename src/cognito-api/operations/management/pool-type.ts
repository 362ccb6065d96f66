// UserPoolType as DescribeUserPool / CreateUserPool return it. The emulator keeps only the settings
// that change its behaviour (sign-in attributes, auto-verification, deletion protection, domain);
// the rest is reported as Cognito's defaults for a new pool, which is also what the emulator
// enforces (the default password policy, no MFA).
import { STANDARD_ATTRIBUTES } from '../../../domain/attributes.js';
import type { UserPool } from '../../../domain/model.js';
import type { Store } from '../../../store/store.js';
import { seconds } from '../../serialize.js';
import { poolArn } from './common.js';

/** Cognito's standard schema, as DescribeUserPool lists it for a pool without custom attributes. */
function schemaAttributes(): Array<Record<string, unknown>> {
  return STANDARD_ATTRIBUTES.map((name) => {
    const base = { Name: name, DeveloperOnlyAttribute: false, Mutable: name !== 'sub', Required: name === 'sub' };
    if (name === 'email_verified' || name === 'phone_number_verified') return { ...base, AttributeDataType: 'Boolean' };
    if (name === 'updated_at') return { ...base, AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '0' } };
    const [min, max] = name === 'sub' ? ['1', '2048'] : name === 'birthdate' ? ['10', '10'] : ['0', '2048'];
    return { ...base, AttributeDataType: 'String', StringAttributeConstraints: { MinLength: min, MaxLength: max } };
  });
}

const DEFAULT_PASSWORD_POLICY = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

export function userPoolType(pool: UserPool, store: Store): Record<string, unknown> {
  return {
    Id: pool.Id,
    Name: pool.Name,
    Arn: poolArn(pool.Id),
    Policies: { PasswordPolicy: DEFAULT_PASSWORD_POLICY, SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } },
    DeletionProtection: pool.DeletionProtection ?? 'INACTIVE',
    LambdaConfig: pool.LambdaConfig ?? {},
    LastModifiedDate: seconds(pool.LastModifiedDate),
    CreationDate: seconds(pool.CreationDate),
    SchemaAttributes: schemaAttributes(),
    AutoVerifiedAttributes: pool.AutoVerifiedAttributes,
    ...(pool.AliasAttributes.length > 0 ? { AliasAttributes: pool.AliasAttributes } : {}),
    ...(pool.UsernameAttributes.length > 0 ? { UsernameAttributes: pool.UsernameAttributes } : {}),
    VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
    MfaConfiguration: 'OFF',
    EstimatedNumberOfUsers: store.listUsers(pool.Id).length,
    EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    UserPoolTags: pool.UserPoolTags ?? {},
    ...(pool.Domain !== undefined ? { Domain: pool.Domain } : {}),
    ...(pool.CustomDomain !== undefined ? { CustomDomain: pool.CustomDomain } : {}),
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
    UserPoolTier: 'ESSENTIALS',
  };
}

/** UserPoolDescriptionType (ListUserPools). */
export function userPoolDescription(pool: UserPool): Record<string, unknown> {
  return {
    Id: pool.Id,
    Name: pool.Name,
    LambdaConfig: pool.LambdaConfig ?? {},
    LastModifiedDate: seconds(pool.LastModifiedDate),
    CreationDate: seconds(pool.CreationDate),
  };
}
