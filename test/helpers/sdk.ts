// The real AWS SDK v3 client pointed at an emulator (see start-server.ts), and a check for the
// exact Cognito exception an SDK call fails with.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Test } from 'tap';
import type { Deps } from '../../src/deps.js';
import type { PoolKeys } from '../../src/domain/model.js';
import { SIGNING_KEYS } from './fixtures/index.js';

/** The region also becomes the SigV4 credential scope, which CreateUserPool reads. */
export function sdkClient(url: string, region = 'us-east-1'): CognitoIdentityProviderClient {
  const client = new CognitoIdentityProviderClient({
    endpoint: url,
    region,
    maxAttempts: 1,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return client;
}

/** Asserts that `call` rejects with the SDK exception `name` and exactly `message`. */
export async function rejectsWith(t: Test, call: Promise<unknown>, name: string, message: string): Promise<void> {
  try {
    await call;
  } catch (err) {
    const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    t.equal(e.name, name, `exception name (${e.message})`);
    t.equal(e.message, message, 'exception message');
    t.equal(e.$metadata?.httpStatusCode, 400, 'HTTP status');
    return;
  }
  t.fail(`expected ${name}, but the call succeeded`);
}

/**
 * Makes pools created through the API reuse the test signing keys instead of generating three RSA
 * keys each (seconds on a loaded machine). Only for tests that are not about key generation.
 */
export function reuseTestKeys(deps: Deps): void {
  const load = deps.keys.load.bind(deps.keys);
  deps.keys.load = (userPoolId, given) => load(userPoolId, given ?? (SIGNING_KEYS as unknown as PoolKeys));
}
