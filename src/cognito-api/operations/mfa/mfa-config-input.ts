// The MFA settings of a SetUserPoolMfaConfig request (or a fixture pool), read and checked: SMS,
// once configured, stays available ("you can't disable SMS messages as an available MFA factor");
// an omitted factor keeps its setting. ON or OPTIONAL with no factor left is refused with
// Cognito's wording.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html
import type { UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { poolFactors } from '../../../mfa/factors.js';
import { invalid, optionalBoolean, optionalEnum, optionalString, optionalStructure, requiredString } from '../../input.js';
import type { Input } from '../../operation.js';
import { checkRelyingPartyId } from '../../../webauthn/relying-party.js';

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
  const sms = optionalStructure(input, 'SmsMfaConfiguration');
  if (!sms) return undefined;
  const message = templateMessage(sms, 'SmsAuthenticationMessage', 6, 140, 'smsMfaConfiguration.smsAuthenticationMessage');
  const config = optionalStructure(sms, 'SmsConfiguration');
  return {
    ...(config
      ? {
          SmsConfiguration: {
            SnsCallerArn: requiredString(config, 'SnsCallerArn', 2048),
            ...(typeof config.ExternalId === 'string' ? { ExternalId: config.ExternalId } : {}),
            ...(typeof config.SnsRegion === 'string' ? { SnsRegion: config.SnsRegion } : {}),
          },
        }
      : {}),
    ...(message !== undefined ? { SmsAuthenticationMessage: message } : {}),
  };
}

function emailFactor(input: Input): UserPool['EmailMfaConfiguration'] | undefined {
  const email = optionalStructure(input, 'EmailMfaConfiguration');
  if (!email) return undefined;
  const message = templateMessage(email, 'Message', 6, 20000, 'emailMfaConfiguration.message');
  const subject = optionalString(email, 'Subject', 140);
  return { ...(message !== undefined ? { Message: message } : {}), ...(subject !== undefined ? { Subject: subject } : {}) };
}

/**
 * WebAuthnConfiguration: the passkeys' relying party id (a domain; absent = the pool's domain) and
 * whether authenticators must verify the user. Passkeys as MFA (MULTI_FACTOR_WITH_USER_VERIFICATION)
 * are not emulated and are refused.
 */
function webAuthnInput(input: Input): UserPool['WebAuthnConfiguration'] | undefined {
  const given = optionalStructure(input, 'WebAuthnConfiguration');
  if (!given) return undefined;
  const rpId = optionalString(given, 'RelyingPartyId', 127);
  if (rpId !== undefined) {
    if (rpId.length < 1) throw invalid('webAuthnConfiguration.relyingPartyId', rpId, 'Member must have length greater than or equal to 1');
    checkRelyingPartyId(rpId);
  }
  const verification = optionalEnum(given, 'UserVerification', ['required', 'preferred'] as const);
  const factor = optionalEnum(given, 'FactorConfiguration', ['SINGLE_FACTOR', 'MULTI_FACTOR_WITH_USER_VERIFICATION'] as const);
  if (factor === 'MULTI_FACTOR_WITH_USER_VERIFICATION') {
    throw bad('FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION (passkeys as MFA) is not supported by cognito-emulator');
  }
  return { ...(rpId !== undefined ? { RelyingPartyId: rpId } : {}), UserVerification: verification ?? 'preferred' };
}

/** A fixture pool's authenticator-app, email and passkey settings, in SetUserPoolMfaConfig's shapes. */
export function mfaFactorsInput(
  input: Input,
): Pick<UserPool, 'SoftwareTokenMfaConfiguration' | 'EmailMfaConfiguration' | 'WebAuthnConfiguration'> {
  const software = optionalStructure(input, 'SoftwareTokenMfaConfiguration');
  const email = emailFactor(input);
  const webAuthn = webAuthnInput(input);
  return {
    ...(webAuthn ? { WebAuthnConfiguration: webAuthn } : {}),
    ...(software ? { SoftwareTokenMfaConfiguration: { Enabled: optionalBoolean(software, 'Enabled') ?? false } } : {}),
    ...(email ? { EmailMfaConfiguration: email } : {}),
  };
}

/** The pool with the MFA settings of a SetUserPoolMfaConfig request (or fixture) applied. */
export function applyMfaConfig(pool: UserPool, input: Input): UserPool {
  const webAuthn = webAuthnInput(input);
  const mode = optionalEnum(input, 'MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'] as const);
  const software = optionalStructure(input, 'SoftwareTokenMfaConfiguration');
  const softwareEnabled = software ? (optionalBoolean(software, 'Enabled') ?? false) : undefined;
  const email = emailFactor(input);
  const sms = smsFactor(input);
  const next: UserPool = {
    ...pool,
    ...sms,
    ...(softwareEnabled !== undefined ? { SoftwareTokenMfaConfiguration: { Enabled: softwareEnabled } } : {}),
    ...(email !== undefined ? { EmailMfaConfiguration: email } : {}),
    ...(mode !== undefined ? { MfaConfiguration: mode } : {}),
    ...(webAuthn !== undefined ? { WebAuthnConfiguration: webAuthn } : {}),
  };
  if (sms && !next.SmsConfiguration) throw bad('SmsConfiguration is required to turn on SMS MFA');
  if ((next.MfaConfiguration ?? 'OFF') !== 'OFF' && poolFactors(next).length === 0) {
    throw bad("Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.");
  }
  return next;
}
