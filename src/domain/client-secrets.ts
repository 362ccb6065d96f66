// An app client's secrets. A confidential client may hold up to two at a time, so a secret can be
// rotated without downtime: both are accepted wherever a secret is (the token and revocation
// endpoints, SECRET_HASH, GetTokensFromRefreshToken, RevokeToken, GetClientToken)
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddUserPoolClientSecret.html).
// A client that never rotated keeps only `ClientSecret`; `ClientSecrets` appears with the first
// AddUserPoolClientSecret. `ClientSecret` stays the secret the client was created with, the one
// DescribeUserPoolClient shows: Cognito promotes no other secret to it, and once that secret is
// deleted DescribeUserPoolClient shows none.
import { createHmac } from 'node:crypto';
import type { AppClient, ClientSecretRecord } from './model.js';
import { safeEqual } from './passwords.js';

/** Cognito's limit of active secrets per app client. */
export const MAX_CLIENT_SECRETS = 2;

/** ClientSecretId: `<client-id>--<epoch-create-time>` (ClientSecretDescriptorType), in epoch milliseconds. */
export const clientSecretId = (clientId: string, createdAt: number): string => `${clientId}--${createdAt}`;

/** The client's active secrets, oldest first. */
export function clientSecrets(client: AppClient): ClientSecretRecord[] {
  if (client.ClientSecrets !== undefined) return client.ClientSecrets;
  if (client.ClientSecret === undefined) return [];
  return [
    { ClientSecretId: clientSecretId(client.ClientId, client.CreationDate), Value: client.ClientSecret, CreateDate: client.CreationDate },
  ];
}

/** Whether the client is confidential: it has at least one secret and must prove it. */
export const hasSecret = (client: AppClient): boolean => clientSecrets(client).length > 0;

/** Whether `candidate` is one of the client's secrets (every secret compared, in constant time). */
export function isClientSecret(client: AppClient, candidate: string): boolean {
  return clientSecrets(client).reduce((found, s) => safeEqual(candidate, s.Value) || found, false);
}

/** SECRET_HASH = Base64(HMAC-SHA256(key = clientSecret, message = username + clientId)). */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');
}

/** Whether `hash` is the SECRET_HASH of `username` under one of the client's secrets. */
export function isSecretHash(client: AppClient, username: string, hash: string): boolean {
  return clientSecrets(client).reduce((found, s) => safeEqual(hash, secretHash(s.Value, username, client.ClientId)) || found, false);
}
