// RespondToAuthChallenge DEVICE_SRP_AUTH ({USERNAME, DEVICE_KEY, SRP_A}) and
// DEVICE_PASSWORD_VERIFIER ({USERNAME, DEVICE_KEY, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP,
// PASSWORD_CLAIM_SIGNATURE}), the rules in src/sign-in/device-auth.ts. A wrong device signature is
// refused like a wrong password (wording unconfirmed).
import { CognitoError } from '../../errors/cognito-error.js';
import { answerDevicePasswordVerifier, answerDeviceSrp, type DeviceOutcome } from '../../sign-in/device-auth.js';
import { checkSecretHashFor } from '../secret-hash.js';
import { requiredParam, type AuthContext, type Params, type AuthOutput } from './toolkit.js';
import { signInUser, successOutput } from './user.js';
import { incorrectPassword, mfaError } from '../sign-in-errors.js';

export async function answerDevice(
  ctx: AuthContext,
  challenge: 'DEVICE_SRP_AUTH' | 'DEVICE_PASSWORD_VERIFIER',
  responses: Params,
  session: string | undefined,
): Promise<AuthOutput> {
  const login = requiredParam(responses, 'USERNAME');
  requiredParam(responses, 'DEVICE_KEY');
  const user = signInUser(ctx, login);
  checkSecretHashFor(ctx.client, [login, user?.Username], responses);
  const username = user?.Username ?? login;
  const outcome: DeviceOutcome =
    challenge === 'DEVICE_SRP_AUTH'
      ? await answerDeviceSrp(ctx, session, username, requiredParam(responses, 'SRP_A'))
      : await answerDevicePasswordVerifier(ctx, session, {
          username,
          secretBlock: requiredParam(responses, 'PASSWORD_CLAIM_SECRET_BLOCK'),
          timestamp: requiredParam(responses, 'TIMESTAMP'),
          signature: requiredParam(responses, 'PASSWORD_CLAIM_SIGNATURE'),
        });
  if (outcome.kind === 'failed') {
    if (outcome.failure === 'bad-srp-a')
      throw new CognitoError('InvalidParameterException', 'SRP_A must be a hexadecimal number that is not 0 mod N');
    if (outcome.failure === 'code-mismatch') throw incorrectPassword();
    throw mfaError(outcome.failure, challenge);
  }
  // Tokens from a remembered device's sign-in: the pre token generation trigger's own source.
  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
  return successOutput(ctx, outcome, 'TokenGeneration_AuthenticateDevice');
}
