// The custom authentication triggers (AWS developer guide, "Custom authentication challenge Lambda
// triggers"): define auth challenge decides the next step from the session so far, create auth
// challenge makes a CUSTOM_CHALLENGE, verify auth challenge response checks the answer.
import type { User, UserPool } from '../domain/model.js';
import type { TriggerDeps } from './runtime.js';
import { unrecognizableOutput } from './errors.js';
import { eventAttributes, triggerEvent } from './event.js';

/** One step of the session the define trigger sees. challengeMetadata only for CUSTOM_CHALLENGE. */
export interface ChallengeResult {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata?: string | null;
}

export interface CustomCaller {
  deps: TriggerDeps;
  pool: UserPool;
  clientId: string;
  /** The user, or (client hiding user existence) the login nobody has. */
  who: { user: User } | { login: string };
  /** RespondToAuthChallenge's ClientMetadata; InitiateAuth's is not passed to these triggers. */
  clientMetadata: Record<string, string> | undefined;
}

export interface Definition {
  challengeName: string | undefined;
  issueTokens: boolean;
  failAuthentication: boolean;
}

export interface CreatedChallenge {
  publicChallengeParameters: Record<string, string>;
  privateChallengeParameters: Record<string, string>;
  challengeMetadata: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function common(c: CustomCaller, triggerSource: string, request: Record<string, unknown>, response: Record<string, unknown>) {
  const user = 'user' in c.who ? c.who.user : undefined;
  const found = user !== undefined;
  return triggerEvent(
    c.pool,
    c.clientId,
    triggerSource,
    user ? user.Username : (c.who as { login: string }).login,
    {
      userAttributes: user ? eventAttributes(c.pool, user) : {},
      ...request,
      ...(c.clientMetadata ? { clientMetadata: c.clientMetadata } : {}),
      ...(found ? {} : { userNotFound: true }),
    },
    response,
  );
}

export async function defineAuthChallenge(c: CustomCaller, session: readonly ChallengeResult[]): Promise<Definition> {
  const response =
    (await c.deps.triggers.invoke(
      c.pool,
      'DefineAuthChallenge',
      common(
        c,
        'DefineAuthChallenge_Authentication',
        { session: [...session] },
        { challengeName: null, issueTokens: false, failAuthentication: false },
      ),
    )) ?? {};
  const flag = (name: string): boolean => {
    const v = response[name];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') throw unrecognizableOutput();
    return v;
  };
  const name = response.challengeName;
  if (name !== undefined && name !== null && typeof name !== 'string') throw unrecognizableOutput();
  return { challengeName: name ?? undefined, issueTokens: flag('issueTokens'), failAuthentication: flag('failAuthentication') };
}

export async function createAuthChallenge(
  c: CustomCaller,
  challengeName: string,
  session: readonly ChallengeResult[],
): Promise<CreatedChallenge> {
  const response =
    (await c.deps.triggers.invoke(
      c.pool,
      'CreateAuthChallenge',
      common(
        c,
        'CreateAuthChallenge_Authentication',
        { challengeName, session: [...session] },
        { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
      ),
    )) ?? {};
  const params = (name: string): Record<string, string> => {
    const v = response[name];
    if (v === undefined || v === null) return {};
    // Lambda's JSON may carry numbers or booleans; Cognito's parameters are strings.
    if (!isObject(v) || Object.values(v).some((x) => isObject(x) || Array.isArray(x))) throw unrecognizableOutput();
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== null && x !== undefined)
        .map(([k, x]) => [k, String(x)]),
    );
  };
  const metadata = response.challengeMetadata;
  if (metadata !== undefined && metadata !== null && typeof metadata !== 'string') throw unrecognizableOutput();
  return {
    publicChallengeParameters: params('publicChallengeParameters'),
    privateChallengeParameters: params('privateChallengeParameters'),
    challengeMetadata: metadata ?? null,
  };
}

export async function verifyAuthChallengeResponse(
  c: CustomCaller,
  privateChallengeParameters: Record<string, string>,
  challengeAnswer: string,
): Promise<boolean> {
  const response =
    (await c.deps.triggers.invoke(
      c.pool,
      'VerifyAuthChallengeResponse',
      common(c, 'VerifyAuthChallengeResponse_Authentication', { privateChallengeParameters, challengeAnswer }, { answerCorrect: false }),
    )) ?? {};
  const v = response.answerCorrect;
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw unrecognizableOutput();
  return v;
}
