// The state-at-scale figures (bench/state.ts) as table rows, target verdicts (README, State at scale) and JSON.
import type { LoadResult } from './load.js';
import { median, round } from './lib/stats.js';
import type { StateFigures } from './state.js';

type Add = (target: string, measured: string, met: boolean) => void;
const ms = (v: number) => `${round(v, v < 10 ? 2 : 1)} ms`;

export function stateVerdicts(s: StateFigures, add: Add): void {
  const large = s.writes?.find((w) => w.users === 100_000);
  if (large) {
    const x = large.dataFile.latency.p50 / large.memory.latency.p50;
    add(
      'DATA_FILE write p50 at 100k users ≤ 2× memory-only',
      `${round(x, 2)}× (${ms(large.dataFile.latency.p50)} vs ${ms(large.memory.latency.p50)})`,
      x <= 2,
    );
  }
  if (s.journalStartupMs) {
    const m = median(s.journalStartupMs);
    add('start-up from a 100k-user snapshot + 100k-line journal < 5 s', ms(m), m < 5000);
  }
  if (s.createUserPool) add('CreateUserPool p50 < 50 ms', ms(s.createUserPool.summary.p50), s.createUserPool.summary.p50 < 50);
  if (s.keyless) {
    const keyless = median(s.keyless.keyless);
    const local = median(s.keyless.cognitoLocal);
    add(
      'start-up, two keyless pools ≤ 0.5× cognito-local',
      `${round(keyless / local, 2)}× (${ms(keyless)} vs ${ms(local)})`,
      keyless <= 0.5 * local,
    );
  }
}

export function stateTables(s: StateFigures, table: (head: string[], rows: string[][]) => string): string[] {
  const out: string[] = [];
  if (s.writes) {
    out.push(
      '',
      table(
        ['users', 'memory p50', 'memory p99', 'DATA_FILE p50', 'DATA_FILE p99', 'DATA_FILE ÷ memory (p50)', 'srv CPU ms/write mem / file'],
        s.writes.map((w) => [
          String(w.users),
          ms(w.memory.latency.p50),
          ms(w.memory.latency.p99),
          ms(w.dataFile.latency.p50),
          ms(w.dataFile.latency.p99),
          `${round(w.dataFile.latency.p50 / w.memory.latency.p50, 2)}×`,
          `${cpuPerCall(w.memory)} / ${cpuPerCall(w.dataFile)}`,
        ]),
      ),
    );
    out.push('write = AdminUpdateUserAttributes, one at a time (300 each); DATA_FILE measured on the second start (the first seeds it).');
  }
  if (s.journalStartupMs) {
    const base = s.memoryStartupMs ? median(s.memoryStartupMs) : undefined;
    out.push(
      `start-up from a 100k-user snapshot + 100k-line journal: median ${ms(median(s.journalStartupMs))} ` +
        `(${s.journalStartupMs.map((x) => round(x, 0)).join(' ')})` +
        (base !== undefined
          ? `; the same 100k-user fixture without DATA_FILE: ${ms(base)} (${round(median(s.journalStartupMs) / base, 2)}×)`
          : ''),
    );
  }
  if (s.createUserPool) {
    const c = s.createUserPool;
    out.push(
      '',
      `CreateUserPool (${c.summary.n} one at a time): p50 ${ms(c.summary.p50)}, p99 ${ms(c.summary.p99)}, max ${ms(c.summary.max)};` +
        ` generating a pool's three 2048-bit keys here (what it cost before test keys): median ${ms(median(c.keyGenerationMs))}`,
    );
  }
  if (s.keyless) {
    const k = s.keyless;
    out.push(
      '',
      table(
        ['start-up, two pools (spawn → 200 /health)', 'median', 'runs'],
        [
          ['emulator, pools without SigningKeys', ms(median(k.keyless)), k.keyless.map((x) => round(x, 0)).join(' ')],
          ['emulator, pools with SigningKeys', ms(median(k.keyed)), k.keyed.map((x) => round(x, 0)).join(' ')],
          ['cognito-local', ms(median(k.cognitoLocal)), k.cognitoLocal.map((x) => round(x, 0)).join(' ')],
        ],
      ),
    );
  }
  return out;
}

const cpuPerCall = (l: LoadResult) => (l.serverCores !== undefined ? round((1000 * l.serverCores) / l.rps, 2).toFixed(2) : '-');

export const stateLoads = (s: StateFigures | undefined): LoadResult[] => (s?.writes ?? []).flatMap((w) => [w.memory, w.dataFile]);

export function stateJson(s: StateFigures): unknown {
  const point = (l: LoadResult) => ({
    p50Ms: round(l.latency.p50, 2),
    p99Ms: round(l.latency.p99, 2),
    completed: l.completed,
    failures: l.failures,
    serverCpuMsPerCall: Number(cpuPerCall(l)) || null,
  });
  return {
    ...(s.writes ? { writes: s.writes.map((w) => ({ users: w.users, memory: point(w.memory), dataFile: point(w.dataFile) })) } : {}),
    ...(s.journalStartupMs ? { journalStartupMs: s.journalStartupMs.map((x) => round(x)) } : {}),
    ...(s.memoryStartupMs ? { memoryStartupMs: s.memoryStartupMs.map((x) => round(x)) } : {}),
    ...(s.createUserPool
      ? {
          createUserPool: {
            p50Ms: round(s.createUserPool.summary.p50, 2),
            p99Ms: round(s.createUserPool.summary.p99, 2),
            n: s.createUserPool.summary.n,
            keyGenerationMedianMs: round(median(s.createUserPool.keyGenerationMs)),
          },
        }
      : {}),
    ...(s.keyless
      ? {
          keylessStartupMs: {
            keyless: round(median(s.keyless.keyless)),
            keyed: round(median(s.keyless.keyed)),
            cognitoLocal: round(median(s.keyless.cognitoLocal)),
          },
        }
      : {}),
  };
}
