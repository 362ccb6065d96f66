// RespondToAuthChallenge for the MFA challenges (API reference, RespondToAuthChallenge
// ChallengeResponses): SMS_MFA_CODE, SOFTWARE_TOKEN_MFA_CODE, EMAIL_OTP_CODE, SELECT_MFA_TYPE's
// ANSWER, MFA_SETUP with the Session from VerifySoftwareToken (or an EMAIL to set up email MFA).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
import { CognitoError } from '../../errors/cognito-error.js';
import { answerMfaCode, completeMfaSetup, selectMfaType, type MfaOutcome } from '../../sign-in/mfa-answer.js';
import { checkSecretHashFor } from '../secret-hash.js';
import { requiredParam, type AuthContext, type Params, type AuthOutput } from './toolkit.js';
import { signInUser, successOutput } from './user.js';
import { invalidSession, mfaError } from '../sign-in-errors.js';

const CODE_PARAM = {
  SMS_MFA: 'SMS_MFA_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
} as const;

export type MfaAnswer = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP' | 'SMS_OTP' | 'SELECT_MFA_TYPE' | 'MFA_SETUP';

export async function answerMfa(
  ctx: AuthContext,
  challenge: MfaAnswer,
  responses: Params,
  session: string | undefined,
): Promise<AuthOutput> {
  const login = requiredParam(responses, 'USERNAME');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], responses);
  if (!user) throw invalidSession();
  let outcome: MfaOutcome;
  switch (challenge) {
    case 'SELECT_MFA_TYPE':
      outcome = await selectMfaType(ctx, session, requiredParam(responses, 'ANSWER'), user.Username);
      break;
    case 'MFA_SETUP':
      if (session === undefined || session === '')
        throw new CognitoError('InvalidParameterException', 'Missing required parameter Session');
      outcome = await completeMfaSetup(ctx, session, responses.EMAIL || undefined, user.Username);
      break;
    default:
      outcome = await answerMfaCode(ctx, session, challenge, requiredParam(responses, CODE_PARAM[challenge]), user.Username);
  }
  if (outcome.kind === 'failed') throw mfaError(outcome.failure, challenge);
  return successOutput(ctx, outcome);
}
