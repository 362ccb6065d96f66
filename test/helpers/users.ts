// Helpers of the user-administration and self-service tests (their fixture is fixtures/users.ts):
// an SDK-driven emulator, tokens minted in-process (deps.tokens) so these tests do not depend on the
// sign-in operations, the recorded messages and codes.
import type { Test } from 'tap';
import type { Deps } from '../../src/deps.js';
import { ADMIN_SCOPE, POOL_ID, PUBLIC_CLIENT, SECRET, SECRET_CLIENT, usersFixture } from './fixtures/index.js';
import { secretHash } from './secret-hash.js';
import { sdkClient } from './sdk.js';
import { type ListeningEmulator, testEmulator } from './harness.js';

export async function startUsersServer(t: Test): Promise<ListeningEmulator & { sdk: ReturnType<typeof sdkClient> }> {
  const server = await testEmulator(t, { listen: true, fixture: usersFixture() });
  const sdk = sdkClient(server.url);
  t.teardown(() => sdk.destroy());
  return { ...server, sdk };
}

/** API-style tokens for a user, minted in-process (scopes default to the self-service one). */
export async function tokensFor(deps: Deps, username: string, opts: { poolId?: string; clientId?: string; scopes?: string[] } = {}) {
  const client = deps.store.getClient(opts.clientId ?? PUBLIC_CLIENT);
  const user = deps.store.getUser(opts.poolId ?? POOL_ID, username);
  if (!client || !user) throw new Error(`no client or user ${username}`);
  return deps.tokens.userTokens({ client, user, scopes: opts.scopes ?? [ADMIN_SCOPE], channel: 'api', withRefreshToken: true });
}

export interface RecordedMessage {
  userPoolId: string;
  username: string;
  trigger: string;
  deliveryMedium: string;
  destination: string;
  code?: string;
  temporaryPassword?: string;
  createdAt: string;
}

/** GET /_emulator/messages over the socket, as a test script would. */
export async function messages(url: string, query: Record<string, string> = {}): Promise<RecordedMessage[]> {
  const res = await fetch(`${url}/_emulator/messages?${new URLSearchParams(query)}`);
  if (res.status !== 200) throw new Error(`messages: HTTP ${res.status}`);
  return ((await res.json()) as { Messages: RecordedMessage[] }).Messages;
}

/** The newest code sent to a user. */
export async function lastCode(url: string, userPoolId: string, username: string): Promise<string> {
  const code = (await messages(url, { userPoolId, username })).at(-1)?.code;
  if (code === undefined) throw new Error(`no code for ${username}`);
  return code;
}

export const secretHashFor = (username: string) => secretHash(SECRET, username, SECRET_CLIENT);

/** POST /oauth2/token grant_type=refresh_token for the public client; returns the HTTP status and body. */
export async function refresh(url: string, refreshToken: string, clientId = PUBLIC_CLIENT) {
  const res = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
