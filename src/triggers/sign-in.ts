// Sign-in triggers: pre authentication, post authentication and migrate user (AWS developer guide,
// "Pre authentication Lambda trigger", "Post authentication Lambda trigger", "Migrate user Lambda
// trigger"). The sign-in core (src/sign-in/) calls them at its named steps.
import type { TriggerDeps } from './runtime.js';
import type { User, UserPool } from '../domain/model.js';
import { unrecognizableOutput } from './errors.js';
import { eventAttributes, triggerEvent } from './event.js';

/**
 * What the caller passed: InitiateAuth's ClientMetadata reaches pre authentication and migrate user
 * as `validationData`; RespondToAuthChallenge's reaches the later triggers as `clientMetadata`.
 */
export interface SignInMetadata {
  validationData?: Record<string, string> | undefined;
  clientMetadata?: Record<string, string> | undefined;
}

interface Caller {
  deps: TriggerDeps;
  pool: UserPool;
  clientId: string;
  metadata?: SignInMetadata | undefined;
}

/** Throws (the handler's error) to refuse the sign-in; nothing in the response is honoured. */
export async function preAuthentication(c: Caller, who: { user: User } | { login: string }): Promise<void> {
  if (!c.deps.triggers.has(c.pool, 'PreAuthentication')) return;
  const found = 'user' in who;
  await c.deps.triggers.invoke(
    c.pool,
    'PreAuthentication',
    triggerEvent(
      c.pool,
      c.clientId,
      'PreAuthentication_Authentication',
      found ? who.user.Username : who.login,
      {
        userAttributes: found ? eventAttributes(c.pool, who.user) : {},
        validationData: c.metadata?.validationData ?? null,
        // Only sent when the client hides user existence (PreventUserExistenceErrors ENABLED).
        ...(found ? {} : { userNotFound: true }),
      },
      {},
    ),
  );
}

export async function postAuthentication(c: Caller, user: User): Promise<void> {
  if (!c.deps.triggers.has(c.pool, 'PostAuthentication')) return;
  const clientMetadata = c.metadata?.clientMetadata ?? c.metadata?.validationData;
  await c.deps.triggers.invoke(
    c.pool,
    'PostAuthentication',
    triggerEvent(
      c.pool,
      c.clientId,
      'PostAuthentication_Authentication',
      user.Username,
      {
        userAttributes: eventAttributes(c.pool, user),
        newDeviceUsed: false,
        ...(clientMetadata ? { clientMetadata } : {}),
      },
      {},
    ),
  );
}

export interface Migration {
  attributes: Record<string, string>;
  /** Unset: RESET_REQUIRED (the user must reset the password before signing in). */
  finalUserStatus: 'CONFIRMED' | 'RESET_REQUIRED';
  messageAction: 'RESEND' | 'SUPPRESS' | undefined;
  desiredDeliveryMediums: Array<'SMS' | 'EMAIL'>;
  /** Take a verified email / phone alias from the user who holds it, instead of failing with AliasExistsException. */
  forceAliasCreation: boolean;
  /** Turn on SMS MFA for the migrated user (who must then have a phone_number). */
  enableSMSMFA: boolean;
}

const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/**
 * Asks the pool's migrate-user function for a user the pool does not have: at a password sign-in
 * (with the password) or in ForgotPassword (without). Undefined when there is no trigger or it
 * returned no userAttributes (the user is then unknown, as before).
 */
export async function userMigration(
  c: Caller,
  source: 'UserMigration_Authentication' | 'UserMigration_ForgotPassword',
  login: string,
  password: string | undefined,
): Promise<Migration | undefined> {
  if (!c.deps.triggers.has(c.pool, 'UserMigration')) return undefined;
  const response = await c.deps.triggers.invoke(
    c.pool,
    'UserMigration',
    triggerEvent(
      c.pool,
      c.clientId,
      source,
      login,
      {
        ...(password !== undefined ? { password } : {}),
        validationData: c.metadata?.validationData ?? null,
        clientMetadata: c.metadata?.clientMetadata ?? {},
      },
      {
        userAttributes: null,
        finalUserStatus: null,
        messageAction: null,
        desiredDeliveryMediums: null,
        forceAliasCreation: null,
        enableSMSMFA: null,
      },
    ),
  );
  if (!response || response.userAttributes === undefined || response.userAttributes === null) return undefined;
  const { userAttributes, finalUserStatus, messageAction, desiredDeliveryMediums, forceAliasCreation, enableSMSMFA } = response;
  if (!isStringMap(userAttributes)) throw unrecognizableOutput();
  const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw unrecognizableOutput();
    return value as T;
  };
  const flag = (value: unknown): boolean => {
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') throw unrecognizableOutput();
    return value;
  };
  const mediums = desiredDeliveryMediums ?? null;
  if (mediums !== null && (!Array.isArray(mediums) || mediums.some((m) => m !== 'SMS' && m !== 'EMAIL'))) throw unrecognizableOutput();
  return {
    attributes: userAttributes,
    finalUserStatus: oneOf(finalUserStatus, ['CONFIRMED', 'RESET_REQUIRED'] as const) ?? 'RESET_REQUIRED',
    messageAction: oneOf(messageAction, ['RESEND', 'SUPPRESS'] as const),
    // "desiredDeliveryMediums … defaults to SMS".
    desiredDeliveryMediums: mediums === null || mediums.length === 0 ? ['SMS'] : (mediums as Array<'SMS' | 'EMAIL'>),
    forceAliasCreation: flag(forceAliasCreation),
    enableSMSMFA: flag(enableSMSMFA),
  };
}
