// Client-secret checks of the JSON API. SECRET_HASH, sent by every unsigned operation that names
// a user of a client with a secret (SignUp, ConfirmSignUp, ForgotPassword, InitiateAuth,
// RespondToAuthChallenge, …), is Base64(HMAC-SHA256(key = clientSecret, message = username + clientId))
// (https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash).
// GetTokensFromRefreshToken and RevokeToken take the secret itself. A client with two secrets
// (AddUserPoolClientSecret) accepts either.
import { hasSecret, isClientSecret, isSecretHash, secretHash } from '../domain/client-secrets.js';
import type { AppClient } from '../domain/model.js';
import { CognitoError } from '../errors/cognito-error.js';

export { secretHash };

/**
 * Throws Cognito's NotAuthorizedException when the client has a secret and the hash is missing or
 * wrong (Cognito's current wording). A client without a secret ignores any SECRET_HASH sent.
 */
export function checkSecretHash(client: AppClient, username: string, secretHashValue: string | undefined): void {
  if (!hasSecret(client)) return;
  if (secretHashValue === undefined || secretHashValue === '') {
    throw new CognitoError('NotAuthorizedException', `Client ${client.ClientId} is configured with secret but SECRET_HASH was not received`);
  }
  if (!isSecretHash(client, username, secretHashValue)) {
    throw new CognitoError('NotAuthorizedException', `Unable to verify secret hash for client ${client.ClientId}`);
  }
}

/**
 * The secret itself, as GetTokensFromRefreshToken and RevokeToken take it: NotAuthorizedException
 * when a client with a secret sends none or a wrong one (wording as for SECRET_HASH; unconfirmed).
 */
export function checkClientSecret(client: AppClient, secret: string | undefined): void {
  if (!hasSecret(client)) return;
  if (secret === undefined) {
    throw new CognitoError('NotAuthorizedException', `Client ${client.ClientId} is configured for secret but secret was not received`);
  }
  if (!isClientSecret(client, secret)) {
    throw new CognitoError('NotAuthorizedException', `Unable to verify secret for client ${client.ClientId}`);
  }
}

