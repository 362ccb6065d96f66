// Pool settings that change behaviour, read from CreateUserPool / UpdateUserPool input and checked
// as the API reference constrains them: the password policy, MFA, account recovery and the
// attributes that need verification before an update.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html
import type { AuthFactor, RecoveryMechanism, UserPool } from '../../../domain/model.js';
import { DEFAULT_PASSWORD_POLICY } from '../../../domain/password-policy.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import {
  invalid,
  optionalBoolean,
  optionalEnum,
  optionalEnumList,
  optionalInteger,
  optionalStructure,
  requiredInteger,
  requiredString,
} from '../../input.js';
import type { Input } from '../../operation.js';

const bad = (message: string) => new CognitoError('InvalidParameterException', message);

/** Policies: the password policy and the first factors of choice-based sign-in (USER_AUTH). */
export function policiesInput(input: Input): Pick<UserPool, 'Policies'> {
  const signIn = signInPolicyInput(optionalStructure(input, 'Policies') ?? {});
  const password = passwordPolicyInput(input);
  if (!password && !signIn) return {};
  return { Policies: { ...password, ...(signIn ? { SignInPolicy: signIn } : {}) } };
}

const FIRST_FACTORS = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const;

/**
 * SignInPolicy.AllowedFirstAuthFactors (API reference, SignInPolicyType). "The WEB_AUTHN option for
 * passkey authentication must be accompanied by at least one other option."
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
 */
function signInPolicyInput(policies: Input): { AllowedFirstAuthFactors: AuthFactor[] } | undefined {
  const given = optionalStructure(policies, 'SignInPolicy');
  if (!given) return undefined;
  const factors = [...new Set(optionalEnumList(given, 'AllowedFirstAuthFactors', FIRST_FACTORS) ?? ['PASSWORD' as const])];
  if (factors.length === 1 && factors[0] === 'WEB_AUTHN')
    throw bad('WEB_AUTHN must be accompanied by at least one other AllowedFirstAuthFactors option.');
  return { AllowedFirstAuthFactors: factors };
}

/** Policies.PasswordPolicy; omitted members take Cognito's defaults. */
function passwordPolicyInput(input: Input): Pick<NonNullable<UserPool['Policies']>, 'PasswordPolicy'> | undefined {
  const given = optionalStructure(optionalStructure(input, 'Policies') ?? {}, 'PasswordPolicy');
  if (!given) return undefined;
  const d = DEFAULT_PASSWORD_POLICY;
  const history = optionalInteger(given, 'PasswordHistorySize', 0, 24);
  return {
    PasswordPolicy: {
      MinimumLength: optionalInteger(given, 'MinimumLength', 6, 99) ?? d.MinimumLength,
      RequireUppercase: optionalBoolean(given, 'RequireUppercase') ?? false,
      RequireLowercase: optionalBoolean(given, 'RequireLowercase') ?? false,
      RequireNumbers: optionalBoolean(given, 'RequireNumbers') ?? false,
      RequireSymbols: optionalBoolean(given, 'RequireSymbols') ?? false,
      ...(history !== undefined ? { PasswordHistorySize: history } : {}),
      TemporaryPasswordValidityDays: optionalInteger(given, 'TemporaryPasswordValidityDays', 0, 365) ?? d.TemporaryPasswordValidityDays,
    },
  };
}

/**
 * MfaConfiguration and the SMS configuration it needs. CreateUserPool / UpdateUserPool can only
 * configure SMS as a factor, and Cognito refuses ON / OPTIONAL without it, with this wording
 * (reported through CloudFormation, e.g. aws/aws-cdk#12075).
 */
export function mfaInput(
  input: Input,
  existing?: Partial<Pick<UserPool, 'SoftwareTokenMfaConfiguration' | 'EmailMfaConfiguration'>>,
): Pick<UserPool, 'MfaConfiguration' | 'SmsConfiguration'> {
  const mode = optionalEnum(input, 'MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'] as const) ?? 'OFF';
  const sms = optionalStructure(input, 'SmsConfiguration');
  const SmsConfiguration = sms && {
    SnsCallerArn: requiredString(sms, 'SnsCallerArn', 2048),
    ...(typeof sms.ExternalId === 'string' ? { ExternalId: sms.ExternalId } : {}),
    ...(typeof sms.SnsRegion === 'string' ? { SnsRegion: sms.SnsRegion } : {}),
  };
  // A pool that already has an authenticator-app or email factor (SetUserPoolMfaConfig) needs no SMS.
  const otherFactor = existing?.SoftwareTokenMfaConfiguration?.Enabled === true || existing?.EmailMfaConfiguration !== undefined;
  if (mode !== 'OFF' && !SmsConfiguration && !otherFactor) {
    throw bad('SMS configuration and Auto verification for phone_number are required when MFA is required/optional');
  }
  return { MfaConfiguration: mode, ...(SmsConfiguration ? { SmsConfiguration } : {}) };
}

/** AccountRecoverySetting: one or two mechanisms with distinct priorities; admin_only stands alone. */
export function accountRecoveryInput(input: Input): Pick<UserPool, 'AccountRecoverySetting'> {
  const setting = optionalStructure(input, 'AccountRecoverySetting');
  if (!setting) return {};
  const list = setting.RecoveryMechanisms;
  if (!Array.isArray(list) || list.length < 1 || list.length > 2) {
    throw invalid(
      'accountRecoverySetting.recoveryMechanisms',
      '[...]',
      'Member must have length less than or equal to 2 and greater than or equal to 1',
    );
  }
  const mechanisms = list.map((m): RecoveryMechanism => {
    const entry = typeof m === 'object' && m !== null ? (m as Input) : {};
    const Name = optionalEnum(entry, 'Name', ['verified_email', 'verified_phone_number', 'admin_only'] as const);
    if (Name === undefined) throw invalid('Name', undefined, 'Member must not be null');
    return { Priority: requiredInteger(entry, 'Priority', 1, 2), Name };
  });
  // Wording unconfirmed for both refusals.
  if (
    new Set(mechanisms.map((m) => m.Priority)).size !== mechanisms.length ||
    new Set(mechanisms.map((m) => m.Name)).size !== mechanisms.length
  ) {
    throw bad('Invalid account recovery setting parameter. Recovery mechanisms and priorities must be unique.');
  }
  if (mechanisms.length > 1 && mechanisms.some((m) => m.Name === 'admin_only')) {
    throw bad('Invalid account recovery setting parameter. admin_only cannot be combined with another recovery mechanism.');
  }
  return { AccountRecoverySetting: { RecoveryMechanisms: [...mechanisms].sort((a, b) => a.Priority - b.Priority) } };
}

/** Attributes whose new value waits for verification; each must be auto-verified (Cognito's wording, aws/aws-cli#7151). */
export function attributeUpdateInput(input: Input, autoVerified: readonly string[]): Pick<UserPool, 'UserAttributeUpdateSettings'> {
  const settings = optionalStructure(input, 'UserAttributeUpdateSettings');
  const names = settings
    ? (optionalEnumList(settings, 'AttributesRequireVerificationBeforeUpdate', ['phone_number', 'email'] as const) ?? [])
    : [];
  if (names.some((n) => !autoVerified.includes(n))) {
    throw bad('All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes');
  }
  return { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [...new Set(names)] } };
}
