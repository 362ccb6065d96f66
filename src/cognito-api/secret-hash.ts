// Client-secret checks of the JSON API. SECRET_HASH, sent by every unsigned operation that names
// a user of a client with a secret (SignUp, ConfirmSignUp, ForgotPassword, InitiateAuth,
// RespondToAuthChallenge, …), is Base64(HMAC-SHA256(key = clientSecret, message = username + clientId))
// (https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash).
// GetTokensFromRefreshToken and RevokeToken take the secret itself. A client with two secrets
// (AddUserPoolClientSecret) accepts either. A client without a secret ignores any SECRET_HASH sent.
import { hasSecret, isClientSecret, isSecretHash, secretHash } from '../domain/client-secrets.js';
import type { AppClient } from '../domain/model.js';
import { CognitoError } from '../errors/cognito-error.js';

export { secretHash };

/** Refuses a missing SECRET_HASH: possible before the username it must be over is known (refresh tokens). */
export function requireSecretHash(client: AppClient, given: string | undefined): void {
  if (hasSecret(client) && (given === undefined || given === '')) {
    throw new CognitoError(
      'NotAuthorizedException',
      `Client ${client.ClientId} is configured with secret but SECRET_HASH was not received`,
    );
  }
}

/**
 * Throws Cognito's NotAuthorizedException (current wording) unless `given` is the SECRET_HASH over
 * one of `usernames`: a client may have hashed the name it signed in with or the real username
 * (USER_ID_FOR_SRP, or the sub for refresh tokens).
 */
export function checkSecretHash(client: AppClient, usernames: string | ReadonlyArray<string | undefined>, given: string | undefined): void {
  if (!hasSecret(client)) return;
  requireSecretHash(client, given);
  const candidates = typeof usernames === 'string' ? [usernames] : usernames.filter((u): u is string => u !== undefined);
  if (!candidates.some((username) => isSecretHash(client, username, given ?? ''))) {
    throw new CognitoError('NotAuthorizedException', `Unable to verify secret hash for client ${client.ClientId}`);
  }
}

/** The same check over the SECRET_HASH member of AuthParameters or ChallengeResponses. */
export function checkSecretHashFor(client: AppClient, usernames: ReadonlyArray<string | undefined>, params: Record<string, string>): void {
  checkSecretHash(client, usernames, Object.hasOwn(params, 'SECRET_HASH') ? params.SECRET_HASH : undefined);
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
