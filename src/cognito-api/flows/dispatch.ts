// Runs an AuthFlow (InitiateAuth, AdminInitiateAuth) or answers a challenge (RespondToAuthChallenge,
// AdminRespondToAuthChallenge) once the operation has found its pool and client.
import { checkFlowEnabled, type AnsweredChallenge, type AuthFlow } from './catalogue.js';
import type { AuthContext, AuthOutput, Params } from './toolkit.js';
import { answerDevice } from './device.js';
import { answerMfa } from './mfa.js';
import { answerSelectChallenge, startUserAuth } from './user-auth.js';
import { answerWebAuthn } from './web-authn.js';
import { answerNewPassword } from './new-password.js';
import { passwordAuth } from './password.js';
import { refreshTokenAuth } from './refresh.js';
import { answerCustom, startCustom } from './custom.js';
import { answerPasswordVerifier, startSrp } from './srp.js';

export function runAuthFlow(given: AuthContext, flow: AuthFlow, params: Params, session?: string): Promise<AuthOutput> {
  checkFlowEnabled(given.client, flow);
  const ctx = withDeviceKey(given, params);
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
      return passwordAuth(ctx, params);
    case 'USER_SRP_AUTH':
      return startSrp(ctx, params);
    case 'REFRESH_TOKEN_AUTH':
      return refreshTokenAuth(ctx, params);
    case 'CUSTOM_AUTH':
      return startCustom(ctx, params);
    case 'USER_AUTH':
      return startUserAuth(ctx, params, session);
  }
}

export function answerChallenge(
  given: AuthContext,
  challenge: AnsweredChallenge,
  responses: Params,
  session: string | undefined,
): Promise<AuthOutput> {
  const ctx = withDeviceKey(given, responses);
  switch (challenge) {
    case 'DEVICE_SRP_AUTH':
    case 'DEVICE_PASSWORD_VERIFIER':
      return answerDevice(ctx, challenge, responses, session);
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier(ctx, responses, session);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(ctx, responses, session);
    case 'CUSTOM_CHALLENGE':
      return answerCustom(ctx, responses, session);
    case 'SELECT_CHALLENGE':
      return answerSelectChallenge(ctx, responses, session);
    case 'PASSWORD':
    case 'PASSWORD_SRP':
      return answerSelectChallenge(ctx, responses, session, challenge);
    case 'WEB_AUTHN':
      return answerWebAuthn(ctx, responses, session);
    default:
      return answerMfa(ctx, challenge, responses, session);
  }
}

/** DEVICE_KEY, sent by clients that have a tracked device, may stand in for MFA later in the sign-in. */
const withDeviceKey = (ctx: AuthContext, params: Params): AuthContext =>
  params.DEVICE_KEY !== undefined && params.DEVICE_KEY !== '' ? { ...ctx, deviceKey: params.DEVICE_KEY } : ctx;
