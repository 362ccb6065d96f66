// Keys for pools whose fixture gives no SigningKeys and that have none stored: three of the public
// test keys shipped with the package (test-keys.generated.ts), chosen from the pool id. Nothing is
// generated, so a pool exists in milliseconds and start-up never waits for prime searches (three
// 2048-bit keys took 0.2-1 s of CPU per pool); and the same pool id gets the same keys in every
// process, so tokens stay valid across restarts, parallel emulators and replicas. The price, said
// plainly in the README: the private keys are public, so these tokens mean something only in tests.
// The keys (~100 KB of text) are imported on first use: a pool with SigningKeys in its fixture, as
// the shipped example has, never needs them, and start-up does not read them (README, Performance).
// Within a pool the ID, access and refresh keys always differ (Cognito signs ID and access tokens
// with different keys); two pools may share a key (1 in 64 per key), their issuers still differ.
import { createHash, createPrivateKey } from 'node:crypto';
import type { PoolKeys, PrivateJwk } from '../domain/model.js';

const jwks = new Map<number, PrivateJwk>();

function testKey(keys: readonly string[], index: number): PrivateJwk {
  let jwk = jwks.get(index);
  if (!jwk) {
    const der = Buffer.from(keys[index] ?? '', 'base64');
    jwk = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }) as PrivateJwk;
    jwks.set(index, jwk);
  }
  return jwk;
}

/** Three different test keys for the pool, always the same ones for the same id (a partial shuffle seeded by its hash). */
export async function testPoolKeys(userPoolId: string): Promise<PoolKeys> {
  const { TEST_KEYS } = await import('./test-keys.generated.js');
  const digest = createHash('sha256').update(userPoolId).digest();
  const order = TEST_KEYS.map((_, i) => i);
  for (let i = 0; i < 3; i++) {
    const j = i + (digest.readUInt32BE(i * 4) % (order.length - i));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const [id, access, refresh] = order as [number, number, number];
  return { IdToken: testKey(TEST_KEYS, id), AccessToken: testKey(TEST_KEYS, access), RefreshToken: testKey(TEST_KEYS, refresh) };
}
