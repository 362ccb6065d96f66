// SetUserPoolMfaConfig / GetUserPoolMfaConfig: whether sign-in asks for a second factor and which
// factors the pool offers. SMS, once configured, stays available ("you can't disable SMS messages
// as an available MFA factor"); an omitted factor keeps its setting. ON or OPTIONAL with no factor
// left is refused with Cognito's wording.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
import type { UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { poolFactors } from '../../../mfa/factors.js';
import { invalid, optionalBoolean, optionalEnum, optionalString, requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Input, Operation, Output } from '../../operation.js';
import { struct } from '../management/pool-policies.js';

const CODE = '{####}';
const bad = (message: string) => new CognitoError('InvalidParameterException', message);

function templateMessage(given: Input, name: string, min: number, max: number, path: string): string | undefined {
  const value = optionalString(given, name, max);
  if (value === undefined) return undefined;
  if (value.length < min) throw invalid(path, value, `Member must have length greater than or equal to ${min}`);
  if (!value.includes(CODE)) throw invalid(path, value, 'Member must satisfy regular expression pattern: .*\\{####\\}.*');
  return value;
}

function smsFactor(input: Input): Partial<Pick<UserPool, 'SmsConfiguration' | 'SmsAuthenticationMessage'>> | undefined {
  const sms = struct(input, 'SmsMfaConfiguration');
  if (!sms) return undefined;
  const message = templateMessage(sms, 'SmsAuthenticationMessage', 6, 140, 'smsMfaConfiguration.smsAuthenticationMessage');
  const config = struct(sms, 'SmsConfiguration');
  return {
    ...(config ? {
      SmsConfiguration: {
        SnsCallerArn: requiredString(config, 'SnsCallerArn', 2048),
        ...(typeof config.ExternalId === 'string' ? { ExternalId: config.ExternalId } : {}),
        ...(typeof config.SnsRegion === 'string' ? { SnsRegion: config.SnsRegion } : {}),
      },
    } : {}),
    ...(message !== undefined ? { SmsAuthenticationMessage: message } : {}),
  };
}

function emailFactor(input: Input): UserPool['EmailMfaConfiguration'] | undefined {
  const email = struct(input, 'EmailMfaConfiguration');
  if (!email) return undefined;
  const message = templateMessage(email, 'Message', 6, 20000, 'emailMfaConfiguration.message');
  const subject = optionalString(email, 'Subject', 140);
  return { ...(message !== undefined ? { Message: message } : {}), ...(subject !== undefined ? { Subject: subject } : {}) };
}

/** A fixture pool's authenticator-app and email factors, in SetUserPoolMfaConfig's shapes. */
export function mfaFactorsInput(input: Input): Pick<UserPool, 'SoftwareTokenMfaConfiguration' | 'EmailMfaConfiguration'> {
  const software = struct(input, 'SoftwareTokenMfaConfiguration');
  const email = emailFactor(input);
  return {
    ...(software ? { SoftwareTokenMfaConfiguration: { Enabled: optionalBoolean(software, 'Enabled') ?? false } } : {}),
    ...(email ? { EmailMfaConfiguration: email } : {}),
  };
}

export function mfaConfigOutput(pool: UserPool): Output {
  const factors = poolFactors(pool);
  return {
    ...(pool.SmsConfiguration ? {
      SmsMfaConfiguration: {
        ...(pool.SmsAuthenticationMessage !== undefined ? { SmsAuthenticationMessage: pool.SmsAuthenticationMessage } : {}),
        SmsConfiguration: pool.SmsConfiguration,
      },
    } : {}),
    SoftwareTokenMfaConfiguration: { Enabled: factors.includes('SOFTWARE_TOKEN_MFA') },
    ...(pool.EmailMfaConfiguration ? { EmailMfaConfiguration: pool.EmailMfaConfiguration } : {}),
    MfaConfiguration: pool.MfaConfiguration ?? 'OFF',
    WebAuthnConfiguration: { RelyingPartyId: null, UserVerification: 'preferred', FactorConfiguration: 'SINGLE_FACTOR' },
  };
}

/** The pool with the MFA settings of a SetUserPoolMfaConfig request (or fixture) applied. */
export function applyMfaConfig(pool: UserPool, input: Input): UserPool {
  if (struct(input, 'WebAuthnConfiguration')) {
    throw bad('WebAuthnConfiguration (passkeys) is not supported by cognito-emulator');
  }
  const mode = optionalEnum(input, 'MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'] as const);
  const software = struct(input, 'SoftwareTokenMfaConfiguration');
  const softwareEnabled = software ? optionalBoolean(software, 'Enabled') ?? false : undefined;
  const email = emailFactor(input);
  const sms = smsFactor(input);
  const next: UserPool = {
    ...pool,
    ...sms,
    ...(softwareEnabled !== undefined ? { SoftwareTokenMfaConfiguration: { Enabled: softwareEnabled } } : {}),
    ...(email !== undefined ? { EmailMfaConfiguration: email } : {}),
    ...(mode !== undefined ? { MfaConfiguration: mode } : {}),
  };
  if (sms && !next.SmsConfiguration) throw bad('SmsConfiguration is required to turn on SMS MFA');
  if ((next.MfaConfiguration ?? 'OFF') !== 'OFF' && poolFactors(next).length === 0) {
    throw bad("Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.");
  }
  return next;
}

export const setUserPoolMfaConfig: Operation<'clock' | 'store'> = ({ store, clock }) => async (input) => {
  const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
  const next = { ...applyMfaConfig(pool, input), LastModifiedDate: clock.now() };
  await store.putPool(next);
  return mfaConfigOutput(next);
};

export const getUserPoolMfaConfig: Operation<'store'> = ({ store }) => async (input) =>
  mfaConfigOutput(poolOrThrow(store, requiredString(input, 'UserPoolId', 55)));
