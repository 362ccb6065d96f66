// The message settings of CreateUserPool / UpdateUserPool: verification (codes for sign-up,
// attribute verification and password reset) and invitation templates, checked with the API
// reference's patterns. Their texts are what the emulator records for each message it "sends".
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerificationMessageTemplateType.html
import type { AdminCreateUserConfig, UserPool, VerificationMessageTemplate } from '../../../domain/model.js';
import { unicodePattern } from '../../../domain/unicode-pattern.js';
import { checkPattern, invalid, optionalBoolean, optionalEnum, optionalInteger, optionalString, optionalStructure } from '../../input.js';
import type { Input } from '../../operation.js';

const T = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*';
const rule = (shown: string): Rule => ({ re: unicodePattern(`^${shown}$`), shown });
const CODE = rule(`${T}\\{####\\}${T}`);
const LINK = rule(`${T}\\{##${T}##\\}${T}`);
const SUBJECT = rule('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+');

type Rule = { re: () => RegExp; shown: string };

function text(input: Input, name: string, max: number, rule: Rule, min = 1): string | undefined {
  const value = optionalString(input, name, max);
  if (value === undefined) return undefined;
  if (value.length < min) throw invalid(name, value, `Member must have length greater than or equal to ${min}`);
  return checkPattern(name, value, rule.re(), rule.shown);
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export type MessageSettings = Pick<
  UserPool,
  | 'VerificationMessageTemplate'
  | 'EmailVerificationMessage'
  | 'EmailVerificationSubject'
  | 'SmsVerificationMessage'
  | 'SmsAuthenticationMessage'
  | 'AdminCreateUserConfig'
>;

/**
 * The top-level EmailVerificationMessage / EmailVerificationSubject / SmsVerificationMessage and
 * VerificationMessageTemplate describe the same texts; Cognito keeps both in step, the template
 * winning when both are given.
 */
export function messageSettingsInput(input: Input): MessageSettings {
  const t = optionalStructure(input, 'VerificationMessageTemplate') ?? {};
  const template: VerificationMessageTemplate = defined({
    SmsMessage: text(t, 'SmsMessage', 140, CODE, 6),
    EmailMessage: text(t, 'EmailMessage', 20000, CODE, 6),
    EmailSubject: text(t, 'EmailSubject', 140, SUBJECT),
    EmailMessageByLink: text(t, 'EmailMessageByLink', 20000, LINK, 6),
    EmailSubjectByLink: text(t, 'EmailSubjectByLink', 140, SUBJECT),
    DefaultEmailOption: optionalEnum(t, 'DefaultEmailOption', ['CONFIRM_WITH_LINK', 'CONFIRM_WITH_CODE'] as const) ?? 'CONFIRM_WITH_CODE',
  });
  const email = template.EmailMessage ?? text(input, 'EmailVerificationMessage', 20000, CODE, 6);
  const subject = template.EmailSubject ?? text(input, 'EmailVerificationSubject', 140, SUBJECT);
  const sms = template.SmsMessage ?? text(input, 'SmsVerificationMessage', 140, CODE, 6);
  const auth = text(input, 'SmsAuthenticationMessage', 140, CODE, 6);
  return defined({
    VerificationMessageTemplate: defined({ ...template, SmsMessage: sms, EmailMessage: email, EmailSubject: subject }),
    EmailVerificationMessage: email,
    EmailVerificationSubject: subject,
    SmsVerificationMessage: sms,
    SmsAuthenticationMessage: auth,
    AdminCreateUserConfig: adminCreateUserConfig(input),
  });
}

function adminCreateUserConfig(input: Input): AdminCreateUserConfig {
  const c = optionalStructure(input, 'AdminCreateUserConfig') ?? {};
  const invite = optionalStructure(c, 'InviteMessageTemplate');
  const template =
    invite &&
    defined({
      SMSMessage: text(invite, 'SMSMessage', 140, CODE, 6),
      EmailMessage: text(invite, 'EmailMessage', 20000, CODE, 6),
      EmailSubject: text(invite, 'EmailSubject', 140, SUBJECT),
    });
  return defined({
    AllowAdminCreateUserOnly: optionalBoolean(c, 'AllowAdminCreateUserOnly') ?? false,
    UnusedAccountValidityDays: optionalInteger(c, 'UnusedAccountValidityDays', 0, 365) ?? 7,
    InviteMessageTemplate: template && Object.keys(template).length > 0 ? template : undefined,
  });
}
