// The fixture and small helpers of the user-administration and self-service tests: the standard
// test fixture with auto-verified email, plus clients that hide user existence or limit writes,
// and an alias pool. Tokens are minted in-process (deps.tokens) so these tests do not depend on
// the sign-in operations.
import type { Test } from 'tap';
import type { Deps } from '../../src/deps.js';
import { secretHash } from '../../src/cognito-api/secret-hash.js';
import { EMAIL_POOL_ID, POOL_ID, PUBLIC_CLIENT, SECRET, SECRET_CLIENT, SIGNING_KEYS, TEST_FIXTURE } from './fixture.js';
import { sdkClient } from './sdk.js';
import { startServer, type StartedServer } from './start-server.js';

export const HIDDEN_CLIENT = 'hiddenclient00000000000000';
export const LIMITED_CLIENT = 'limitedclient0000000000000';
export const EMAIL_CLIENT = 'emailclient000000000000000';
export const ALIAS_POOL_ID = 'us-west-2_AliasPool';
export const ALIAS_CLIENT = 'aliasclient000000000000000';
export const PLAIN_POOL_ID = 'us-east-2_PlainPool';
export const PLAIN_CLIENT = 'plainclient000000000000000';
export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

type FixturePool = { Id: string; AutoVerifiedAttributes?: string[]; Clients: object[]; [k: string]: unknown };

export function usersFixture(): object {
  const fixture = structuredClone(TEST_FIXTURE) as unknown as { UserPools: FixturePool[] };
  const [main, email] = fixture.UserPools;
  main!.AutoVerifiedAttributes = ['email'];
  main!.Clients.push(
    { ClientId: HIDDEN_CLIENT, ClientName: 'hides users', PreventUserExistenceErrors: 'ENABLED' },
    { ClientId: LIMITED_CLIENT, ClientName: 'limited writes', WriteAttributes: ['given_name', 'email'] },
  );
  email!.AutoVerifiedAttributes = ['email'];
  fixture.UserPools.push(
    {
      Id: ALIAS_POOL_ID,
      Name: 'alias sign-in',
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      SigningKeys: SIGNING_KEYS,
      Clients: [{ ClientId: ALIAS_CLIENT, ClientName: 'alias app' }],
      Users: [{ Username: 'frank', Password: 'Passw0rd!', Attributes: { email: 'frank@example.com', email_verified: 'true' } }],
    },
    {
      Id: PLAIN_POOL_ID,
      Name: 'no auto-verification',
      SigningKeys: SIGNING_KEYS,
      Clients: [{ ClientId: PLAIN_CLIENT, ClientName: 'plain' }],
    },
  );
  return fixture;
}

export async function startUsersServer(t: Test): Promise<StartedServer & { sdk: ReturnType<typeof sdkClient> }> {
  const server = await startServer(t, { fixture: usersFixture() });
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

export { EMAIL_POOL_ID, POOL_ID, PUBLIC_CLIENT, SECRET_CLIENT };
