// SECRET_HASH, the one check of every unsigned operation that names a user of a client with a
// secret (SignUp, ConfirmSignUp, ForgotPassword, InitiateAuth, RespondToAuthChallenge, …):
// Base64(HMAC-SHA256(key = clientSecret, message = username + clientId))
// (https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash).
// A client without a secret ignores any SECRET_HASH sent. Wording is Cognito's current one.
import { createHmac } from 'node:crypto';
import type { AppClient } from '../domain/model.js';
import { safeEqual } from '../domain/passwords.js';
import { CognitoError } from '../errors/cognito-error.js';

export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/** Refuses a missing SECRET_HASH: possible before the username it must be over is known (refresh tokens). */
export function requireSecretHash(client: AppClient, given: string | undefined): void {
  if (client.ClientSecret !== undefined && (given === undefined || given === '')) {
    throw new CognitoError('NotAuthorizedException', `Client ${client.ClientId} is configured with secret but SECRET_HASH was not received`);
  }
}

/**
 * Throws NotAuthorizedException unless `given` is the SECRET_HASH over one of `usernames`: a client
 * may have hashed the name it signed in with or the real username (USER_ID_FOR_SRP, or the sub
 * for refresh tokens).
 */
export function checkSecretHash(client: AppClient, usernames: string | ReadonlyArray<string | undefined>, given: string | undefined): void {
  const secret = client.ClientSecret;
  if (secret === undefined) return;
  requireSecretHash(client, given);
  const candidates = typeof usernames === 'string' ? [usernames] : usernames.filter((u): u is string => u !== undefined);
  if (!candidates.some((username) => safeEqual(given ?? '', secretHash(secret, username, client.ClientId)))) {
    throw new CognitoError('NotAuthorizedException', `Unable to verify secret hash for client ${client.ClientId}`);
  }
}

/** The same check over the SECRET_HASH member of AuthParameters or ChallengeResponses. */
export function checkSecretHashFor(client: AppClient, usernames: ReadonlyArray<string | undefined>, params: Record<string, string>): void {
  checkSecretHash(client, usernames, Object.hasOwn(params, 'SECRET_HASH') ? params.SECRET_HASH : undefined);
}
