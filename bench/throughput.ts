// Token throughput of the emulator (`node dist/main.js`, the bench fixture, keys generated at start)
// under closed-loop concurrent load: refresh_token and client_credentials at /oauth2/token, the
// whole authorization_code flow (authorize → GET /login → POST /login → code exchange), and the
// JSON API's InitiateAuth REFRESH_TOKEN_AUTH. Each worker refreshes with its own refresh token.
import { runLoad, type LoadResult } from './load.js';
import {
  clientCredentials,
  exchangeCode,
  initiateAuthRefresh,
  initiateRefreshBody,
  passwordAuth,
  refreshBody,
  refreshGrant,
  signIn,
} from './flows.js';
import { WEB_CLIENT, tempDir, userName, writeLoadFixture } from './fixtures.js';
import { startServer, type Started } from './lib/processes.js';
import { EMULATOR_ENV, EMULATOR_MAIN, ROOT } from './startup.js';
import { Pool } from 'undici';

export interface PhaseOptions {
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

export interface EmulatorThroughput {
  refresh: LoadResult;
  initiateAuthRefresh: LoadResult;
  clientCredentials: LoadResult;
  authorizationCode: LoadResult;
  /** Successful token responses so far (setup included): the memory phase tops this up to 100k. */
  tokenResponses: number;
}

export async function startEmulatorForLoad(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<Started> {
  const fixture = writeLoadFixture(tempDir('load'));
  return startServer({
    command: process.execPath,
    args: [...extraArgs, EMULATOR_MAIN],
    cwd: ROOT,
    env: { ...EMULATOR_ENV, FIXTURES: fixture, ...env },
  });
}

/** One refresh token per worker from the code flow (OAuth) and from USER_PASSWORD_AUTH (JSON API). */
export async function refreshTokens(url: string, count: number): Promise<{ oauth: string[]; api: string[] }> {
  const pool = new Pool(url, { connections: 4 });
  try {
    const oauth: string[] = [];
    const api: string[] = [];
    for (let i = 0; i < count; i++) {
      oauth.push(await exchangeCode(pool, await signIn(pool, userName(i % 4), true)));
      api.push(await passwordAuth(pool, WEB_CLIENT, userName(i % 4)));
    }
    return { oauth, api };
  } finally {
    await pool.close();
  }
}

export async function refreshLoad(server: Started, tokens: string[], phase: PhaseOptions, name = 'refresh_token'): Promise<LoadResult> {
  const bodies = tokens.map(refreshBody);
  return runLoad({
    name,
    url: server.url,
    serverPid: server.child.pid,
    ...phase,
    iteration: ({ pool, worker }) => refreshGrant(pool, bodies[worker % bodies.length] ?? ''),
  });
}

export async function measureEmulatorThroughput(server: Started, phase: PhaseOptions): Promise<EmulatorThroughput> {
  const tokens = await refreshTokens(server.url, phase.concurrency);
  let tokenResponses = tokens.oauth.length * 2;
  const refresh = await refreshLoad(server, tokens.oauth, phase);
  const apiBodies = tokens.api.map((t) => initiateRefreshBody(WEB_CLIENT, t));
  const initiate = await runLoad({
    name: 'InitiateAuth REFRESH_TOKEN_AUTH',
    url: server.url,
    serverPid: server.child.pid,
    ...phase,
    iteration: ({ pool, worker }) => initiateAuthRefresh(pool, apiBodies[worker % apiBodies.length] ?? ''),
  });
  const cc = await runLoad({
    name: 'client_credentials',
    url: server.url,
    serverPid: server.child.pid,
    ...phase,
    iteration: ({ pool }) => clientCredentials(pool),
  });
  let n = 0;
  const code = await runLoad({
    name: 'authorization_code',
    url: server.url,
    serverPid: server.child.pid,
    ...phase,
    iteration: async ({ pool }) => {
      const authCode = await signIn(pool, userName(n++ % 4), true);
      const t = performance.now();
      await exchangeCode(pool, authCode);
      return performance.now() - t;
    },
  });
  // Warm-up runs issue tokens too; they count toward the memory phase's 100k.
  const warm = (r: LoadResult) => Math.round(r.rps * (phase.warmupMs / 1000));
  for (const r of [refresh, initiate, cc, code]) tokenResponses += r.completed + warm(r);
  return { refresh, initiateAuthRefresh: initiate, clientCredentials: cc, authorizationCode: code, tokenResponses };
}
