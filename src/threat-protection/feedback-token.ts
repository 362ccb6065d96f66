// UpdateAuthEventFeedback's FeedbackToken: Cognito puts it in the links of its account-takeover
// notification email, so only the person who got the email can rate the event. Here it is a
// compact JWE sealed with the pool's refresh-token key (RSA-OAEP / A256GCM), naming the pool, the
// user (by sub) and the event: it cannot be forged, and it rates that one event only. The emulator
// records the notification with its token (GET /_emulator/messages: `feedbackToken`).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateAuthEventFeedback.html
import { jose } from '../crypto/jose.js';
import type { Keys } from '../tokens/keys.js';

interface FeedbackClaims {
  v: 1;
  use: 'auth-event-feedback';
  pool: string;
  sub: string;
  event: string;
}

const HEADER = { alg: 'RSA-OAEP', enc: 'A256GCM' } as const;

export async function feedbackToken(keys: Keys, poolId: string, sub: string, eventId: string): Promise<string | undefined> {
  const ring = keys.get(poolId);
  if (!ring) return undefined;
  const claims: FeedbackClaims = { v: 1, use: 'auth-event-feedback', pool: poolId, sub, event: eventId };
  const { CompactEncrypt } = await jose();
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader(HEADER).encrypt(ring.refresh.publicKey);
}

/** Whether `token` is this pool's feedback token for exactly this user and event. */
export async function feedbackTokenFits(keys: Keys, token: string, poolId: string, sub: string, eventId: string): Promise<boolean> {
  const ring = keys.get(poolId);
  if (!ring || token.length > 4096) return false;
  const { compactDecrypt } = await jose();
  try {
    const { plaintext } = await compactDecrypt(token, ring.refresh.privateKey, {
      keyManagementAlgorithms: ['RSA-OAEP'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const claims = JSON.parse(new TextDecoder().decode(plaintext)) as Partial<FeedbackClaims>;
    return (
      claims.v === 1 && claims.use === 'auth-event-feedback' && claims.pool === poolId && claims.sub === sub && claims.event === eventId
    );
  } catch {
    return false;
  }
}
