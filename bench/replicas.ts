// Replicas sharing state through PostgreSQL: refresh_token throughput with 1, 2 and 3 replicas
// (each its own `node dist/main.js` with DATABASE_URL, on one fresh database), load spread evenly
// over them, against one process without a database in the same run. The refresh grant writes
// nothing, so the difference between "memory" and "1 replica" is what read-your-writes costs per
// request: one catch-up query. CPU is counted over every emulator process and the PostgreSQL
// server's processes. Needs BENCH_DATABASE_URL (or COGNITO_EMULATOR_TEST_DATABASE_URL): a
// postgres:// URL of a server where databases can be created; without it the section is skipped.
import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { LoadResult } from './load.js';
import { cpuSeconds, stopProcess, type Started } from './lib/processes.js';
import { refreshLoad, refreshTokens, startEmulatorForLoad, type PhaseOptions } from './throughput.js';

export interface ReplicaRun {
  replicas: number;
  rps: number;
  failures: number;
  p50: number;
  p99: number;
  /** Emulator processes' CPU (ms) per response, and PostgreSQL's. */
  emulatorCpuMsPerResponse: number;
  postgresCpuMsPerResponse: number;
}

export interface ReplicaFigures {
  memory: ReplicaRun;
  runs: ReplicaRun[];
}

export const benchDatabase = (): string | undefined => process.env.BENCH_DATABASE_URL ?? process.env.COGNITO_EMULATOR_TEST_DATABASE_URL;

async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `emu_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Every PostgreSQL server process's pid (by command name, read from /proc; nothing is signalled). */
function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
}
const postgresCpu = (pids: number[]) =>
  pids.reduce((sum, pid) => {
    try {
      return sum + cpuSeconds(pid);
    } catch {
      return sum;
    }
  }, 0);

/** Load spread evenly over the servers: one closed loop per server, concurrency split between them. */
async function spreadLoad(servers: Started[], tokens: string[], phase: PhaseOptions, name: string): Promise<ReplicaRun> {
  const pgPids = postgresPids();
  const cpu0 = servers.map((s) => cpuSeconds(s.child.pid as number));
  const pg0 = postgresCpu(pgPids);
  const share = Math.max(1, Math.floor(phase.concurrency / servers.length));
  const results: LoadResult[] = await Promise.all(
    servers.map((server, i) =>
      refreshLoad(server, tokens.slice(i * share, (i + 1) * share), { ...phase, concurrency: share }, `${name} ${i}`),
    ),
  );
  const emulatorCpu = servers.reduce((sum, s, i) => sum + cpuSeconds(s.child.pid as number) - (cpu0[i] ?? 0), 0);
  const pgCpu = postgresCpu(pgPids) - pg0;
  // Warm-up requests are counted in the CPU but not in `completed`: scale by the measured share.
  const completed = results.reduce((sum, r) => sum + r.completed, 0);
  const measuredShare = phase.durationMs / (phase.durationMs + (phase.warmupMs ?? 0));
  const latencies = results.map((r) => r.latency);
  return {
    replicas: servers.length,
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
    p50: Math.max(...latencies.map((l) => l.p50)),
    p99: Math.max(...latencies.map((l) => l.p99)),
    emulatorCpuMsPerResponse: (emulatorCpu * measuredShare * 1000) / Math.max(1, completed),
    postgresCpuMsPerResponse: (pgCpu * measuredShare * 1000) / Math.max(1, completed),
  };
}

export async function measureReplicas(serverUrl: string, phase: PhaseOptions, counts = [1, 2, 3]): Promise<ReplicaFigures> {
  const memoryServer = await startEmulatorForLoad([], { PUBLIC_URL: 'http://localhost:9229' });
  let memory: ReplicaRun;
  try {
    const tokens = await refreshTokens(memoryServer.url, phase.concurrency);
    memory = await spreadLoad([memoryServer], tokens.oauth, phase, 'memory refresh_token');
  } finally {
    await stopProcess(memoryServer.child);
  }
  const runs: ReplicaRun[] = [];
  for (const n of counts) {
    const db = await freshDatabase(serverUrl);
    const servers: Started[] = [];
    try {
      for (let i = 0; i < n; i++) {
        servers.push(await startEmulatorForLoad([], { DATABASE_URL: db.url, PUBLIC_URL: 'http://localhost:9229' }));
      }
      // Tokens issued round-robin too: each replica refreshes tokens other replicas issued.
      const tokens = await refreshTokens((servers[0] as Started).url, phase.concurrency);
      runs.push(await spreadLoad([...servers.slice(1), servers[0] as Started], tokens.oauth, phase, `${n} replicas refresh_token`));
    } finally {
      for (const s of servers) await stopProcess(s.child);
      await db.drop();
    }
  }
  return { memory, runs };
}

export function replicaTables(f: ReplicaFigures, table: (head: string[], rows: string[][]) => string): string[] {
  const one = f.runs.find((r) => r.replicas === 1);
  const row = (label: string, r: ReplicaRun) => [
    label,
    r.rps.toFixed(0),
    one ? (r.rps / one.rps).toFixed(2) : '-',
    `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)}`,
    r.emulatorCpuMsPerResponse.toFixed(2),
    r.postgresCpuMsPerResponse.toFixed(2),
    String(r.failures),
  ];
  return [
    '',
    'Replicas (refresh_token at /oauth2/token, load spread evenly; ratio to 1 replica; CPU ms per response):',
    table(
      ['setup', 'responses/s', 'ratio', 'p50 / p99 ms', 'emulator CPU', 'PostgreSQL CPU', 'failed'],
      [row('no database (memory)', f.memory), ...f.runs.map((r) => row(`${r.replicas} replica${r.replicas > 1 ? 's' : ''}`, r))],
    ),
  ];
}
