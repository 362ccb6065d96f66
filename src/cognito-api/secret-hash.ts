// SECRET_HASH check shared by every unsigned operation that names a user of a client with a
// secret (SignUp, ConfirmSignUp, ForgotPassword, InitiateAuth, RespondToAuthChallenge, …).
// SECRET_HASH = Base64(HMAC-SHA256(key = clientSecret, message = username + clientId)) (https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash).
import { createHmac } from 'node:crypto';
import type { AppClient } from '../domain/model.js';
import { safeEqual } from '../domain/passwords.js';
import { CognitoError } from '../errors/cognito-error.js';

export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/**
 * Throws Cognito's NotAuthorizedException when the client has a secret and the hash is missing or
 * wrong (Cognito's current wording). A client without a secret ignores any SECRET_HASH sent.
 */
export function checkSecretHash(client: AppClient, username: string, secretHashValue: string | undefined): void {
  if (client.ClientSecret === undefined) return;
  if (secretHashValue === undefined || secretHashValue === '') {
    throw new CognitoError('NotAuthorizedException', `Client ${client.ClientId} is configured with secret but SECRET_HASH was not received`);
  }
  if (!safeEqual(secretHashValue, secretHash(client.ClientSecret, username, client.ClientId))) {
    throw new CognitoError('NotAuthorizedException', `Unable to verify secret hash for client ${client.ClientId}`);
  }
}
