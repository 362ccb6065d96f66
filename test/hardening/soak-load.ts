// The load of the memory soak (test/hardening/memory.test.ts, bench/soak.ts) against a running CLI:
// rounds of hosted sign-in (a session and a code), every other code exchanged, refreshed and
// revoked, and an unanswered SRP start; in phases, with the emulated clock moved a month after
// each so that everything from the phase expires and is purged. RSS is sampled from /proc.
import { readFileSync } from 'node:fs';
import { CALLBACK, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { cliApi } from '../helpers/cli-process.js';

const SRP_A = 'ab'.repeat(256);
const DAY_S = 24 * 3600;

export const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

const form = (fields: Record<string, string>, cookie?: string) => ({
  method: 'POST',
  redirect: 'manual' as const,
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
});

export async function soakRound(url: string, i: number): Promise<void> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: PUBLIC_CLIENT,
    redirect_uri: CALLBACK,
    scope: 'openid',
  }).toString();
  const page = await fetch(`${url}/login?${query}`);
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(page.headers.getSetCookie().join(';'))?.[1] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const login = await fetch(`${url}/login?${query}`, form({ _csrf: csrf, username: 'alice', password: 'Passw0rd!' }, `XSRF-TOKEN=${xsrf}`));
  await login.arrayBuffer();
  const code = new URL(login.headers.get('location') ?? 'x:').searchParams.get('code');
  if (code === null) throw new Error(`sign-in failed: ${login.status}`);
  if (i % 2 === 0) {
    const tokens = (await (
      await fetch(`${url}/oauth2/token`, form({ grant_type: 'authorization_code', code, client_id: PUBLIC_CLIENT, redirect_uri: CALLBACK }))
    ).json()) as Record<string, string>;
    const refreshed = await fetch(
      `${url}/oauth2/token`,
      form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', client_id: PUBLIC_CLIENT }),
    );
    await refreshed.arrayBuffer();
    if (refreshed.status !== 200) throw new Error(`refresh failed: ${refreshed.status}`);
    const revoked = await fetch(`${url}/oauth2/revoke`, form({ token: tokens.refresh_token ?? '', client_id: PUBLIC_CLIENT }));
    await revoked.arrayBuffer();
    if (revoked.status !== 200) throw new Error(`revoke failed: ${revoked.status}`);
  }
  const srp = await cliApi(url, 'InitiateAuth', {
    ClientId: PUBLIC_CLIENT,
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: { USERNAME: 'alice', SRP_A },
  });
  if (srp.body.ChallengeName !== 'PASSWORD_VERIFIER') throw new Error(`SRP start failed: ${JSON.stringify(srp.body)}`);
}

export interface SoakResult {
  rounds: number;
  /** RSS samples (MB) per phase. */
  samples: number[][];
  /** Unredeemed codes still listed after each phase's clock move (0 = purged). */
  codesLeft: number[];
}

export async function runSoak(opts: {
  url: string;
  pid: number;
  phases: number;
  phaseMs: number;
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<SoakResult> {
  const result: SoakResult = { rounds: 0, samples: [], codesLeft: [] };
  let offsetSeconds = 0;
  for (let phase = 0; phase < opts.phases; phase++) {
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(opts.pid)), 250);
    const end = Date.now() + opts.phaseMs;
    await Promise.all(
      Array.from({ length: opts.concurrency ?? 4 }, async () => {
        while (Date.now() < end) await soakRound(opts.url, result.rounds++);
      }),
    );
    clearInterval(sampler);
    result.samples.push(samples);
    offsetSeconds += 31 * DAY_S;
    const moved = await fetch(`${opts.url}/_emulator/clock`, {
      method: 'POST',
      body: JSON.stringify({ offsetSeconds }),
      headers: { 'content-type': 'application/json' },
    });
    if (moved.status !== 200) throw new Error(`clock not moved: ${moved.status}`);
    // This request is the first after the move: it purges, then lists what is left.
    result.codesLeft.push(((await (await fetch(`${opts.url}/_emulator/codes`)).json()) as { codes: unknown[] }).codes.length);
    opts.log?.(`phase ${phase}: ${result.rounds} rounds so far, RSS ${mean(samples).toFixed(1)} MB`);
  }
  return result;
}

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
