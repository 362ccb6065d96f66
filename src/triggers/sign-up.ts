// Pre sign-up and post confirmation (AWS developer guide, "Pre sign-up Lambda trigger", "Post
// confirmation Lambda trigger").
import type { TriggerDeps } from './runtime.js';
import type { User, UserPool } from '../domain/model.js';
import { unrecognizableOutput } from './errors.js';
import { eventAttributes, triggerEvent } from './event.js';

export interface PreSignUpDecision {
  autoConfirmUser: boolean;
  autoVerifyEmail: boolean;
  autoVerifyPhone: boolean;
}

const NOTHING: PreSignUpDecision = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };

export interface PreSignUpCall {
  pool: UserPool;
  clientId: string | undefined;
  source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider';
  /** The record about to be created (not yet stored). */
  user: User;
  validationData?: Record<string, string> | undefined;
  clientMetadata?: Record<string, string> | undefined;
}

/**
 * Runs before the user is stored; a throwing function refuses the sign-up. The three flags are
 * honoured for SignUp only: "ignored by Amazon Cognito when the Pre Sign-up lambda is triggered by
 * the AdminCreateUser API".
 */
export async function preSignUp(deps: TriggerDeps, call: PreSignUpCall): Promise<PreSignUpDecision> {
  if (!deps.triggers.has(call.pool, 'PreSignUp')) return NOTHING;
  const { sub: _sub, ...attributes } = call.user.Attributes;
  const response = await deps.triggers.invoke(
    call.pool,
    'PreSignUp',
    triggerEvent(
      call.pool,
      call.clientId,
      call.source,
      call.user.Username,
      {
        userAttributes: attributes,
        validationData: call.validationData ?? null,
        ...(call.clientMetadata ? { clientMetadata: call.clientMetadata } : {}),
      },
      { ...NOTHING },
    ),
  );
  if (!response || call.source === 'PreSignUp_AdminCreateUser') return NOTHING;
  const flag = (name: keyof PreSignUpDecision): boolean => {
    const value = response[name];
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') throw unrecognizableOutput();
    return value;
  };
  return { autoConfirmUser: flag('autoConfirmUser'), autoVerifyEmail: flag('autoVerifyEmail'), autoVerifyPhone: flag('autoVerifyPhone') };
}

/** After ConfirmSignUp / AdminConfirmSignUp / ConfirmForgotPassword; nothing in the response is honoured. */
export async function postConfirmation(
  deps: TriggerDeps,
  pool: UserPool,
  clientId: string | undefined,
  user: User,
  source: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword',
  clientMetadata: Record<string, string> | undefined,
): Promise<void> {
  if (!deps.triggers.has(pool, 'PostConfirmation')) return;
  await deps.triggers.invoke(
    pool,
    'PostConfirmation',
    triggerEvent(
      pool,
      clientId,
      source,
      user.Username,
      {
        userAttributes: eventAttributes(pool, user),
        ...(clientMetadata ? { clientMetadata } : {}),
      },
      {},
    ),
  );
}
