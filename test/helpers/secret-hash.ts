// SECRET_HASH as AWS documents it, computed here with node:crypto rather than by the emulator's own
// code, so a test checks the emulator against the formula and not against itself:
// Base64(HMAC-SHA256(key = client secret, message = username + client id)).
// https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash
import { createHmac } from 'node:crypto';

export const secretHash = (secret: string, username: string, clientId: string): string =>
  createHmac('sha256', secret)
    .update(username + clientId)
    .digest('base64');
