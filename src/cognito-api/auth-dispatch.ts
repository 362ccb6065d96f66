// Runs an AuthFlow (InitiateAuth, AdminInitiateAuth) or answers a challenge (RespondToAuthChallenge,
// AdminRespondToAuthChallenge) once the operation has found its pool and client.
import { checkFlowEnabled, type AnsweredChallenge, type AuthContext, type AuthFlow, type Params } from './auth-flows.js';
import { answerNewPassword } from './auth-new-password.js';
import { passwordAuth } from './auth-password.js';
import { refreshTokenAuth } from './auth-refresh.js';
import { answerCustom, startCustom } from './auth-custom.js';
import { answerPasswordVerifier, startSrp } from './auth-srp.js';
import type { Output } from './operation.js';

export function runAuthFlow(ctx: AuthContext, flow: AuthFlow, params: Params): Promise<Output> {
  checkFlowEnabled(ctx.client, flow);
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
  }
}

export function answerChallenge(ctx: AuthContext, challenge: AnsweredChallenge, responses: Params, session: string | undefined): Promise<Output> {
  switch (challenge) {
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier(ctx, responses, session);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(ctx, responses, session);
    case 'CUSTOM_CHALLENGE':
      return answerCustom(ctx, responses, session);
  }
}
