// `npm run bench`: every figure of the README's Performance section, measured side by side in one run on this machine, then
// a table, the target verdicts and one JSON line. Servers listen on 127.0.0.1 only; nothing else is
// contacted. Options: --sections=bound,startup,load,memory,local,scale,writes,pools,keyless,replicas (default
// all; memory tops the load phases' server up to 100k token responses, so it needs load),
// --duration=<ms per load phase> (default 6000), --concurrency=<n> (default 32),
// --write-sizes=<users,...> (default 1000,10000,100000). The replicas section needs a PostgreSQL
// server (BENCH_DATABASE_URL, see bench/replicas.ts) and is skipped without one.
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { removeTempDirs } from './fixtures.js';
import { stopProcess } from './lib/processes.js';
import { runLoad } from './load.js';
import { initiateAuthRefresh, initiateRefreshBody } from './flows.js';
import { idleRss, rssAfterTokenResponses } from './memory.js';
import { printReport, type Results } from './report.js';
import { measureScale } from './scale.js';
import { measureSigningBound } from './signing-bound.js';
import { EMULATOR_MAIN, measureStartup } from './startup.js';
import { measureEmulatorThroughput, startEmulatorForLoad, type PhaseOptions } from './throughput.js';
import { setUpCognitoLocal, startCognitoLocal } from './cognito-local.js';
import { measureCreateUserPool, measureKeylessStartup, measureWrites } from './state.js';
import { benchDatabase, measureReplicas } from './replicas.js';

const SECTIONS = ['bound', 'startup', 'load', 'memory', 'local', 'scale', 'writes', 'pools', 'keyless', 'replicas'] as const;

const { values } = parseArgs({
  options: {
    sections: { type: 'string' },
    duration: { type: 'string' },
    concurrency: { type: 'string' },
    'write-sizes': { type: 'string' },
  },
});
const sections = new Set(values.sections?.split(',') ?? SECTIONS);
for (const s of sections)
  if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section ${s} (${SECTIONS.join(', ')})`);
if (sections.has('memory') && !sections.has('load')) throw new Error('the memory section needs the load section');
const phase: PhaseOptions = {
  concurrency: Number(values.concurrency ?? 32),
  durationMs: Number(values.duration ?? 6000),
  warmupMs: 1000,
};

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main(): Promise<void> {
  if (!existsSync(EMULATOR_MAIN)) throw new Error(`${EMULATOR_MAIN} is missing: run \`npm run build\` first (npm run bench does)`);
  const cpu = cpus();
  const results: Results = {
    machine: {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
      loadavgAtStart: loadavg()[0]?.toFixed(2),
      concurrency: phase.concurrency,
      phaseMs: phase.durationMs,
    },
  };
  const busy = (loadavg()[0] ?? 0) > cpu.length * 0.5;
  if (busy)
    log(`WARNING: load average ${loadavg()[0]?.toFixed(2)} on ${cpu.length} cores: other work is running, figures will be low and noisy`);

  if (sections.has('bound')) {
    log('signing bound: one worker per core signing RS256 for 3 s');
    results.bound = await measureSigningBound(3000);
  }
  if (sections.has('startup')) {
    log('startup: emulator, bare Fastify, cognito-local, 9 runs each, interleaved');
    results.startup = await measureStartup(9);
  }
  if (sections.has('load')) {
    log('emulator: idle RSS, then token load phases');
    const server = await startEmulatorForLoad();
    try {
      const idle = await idleRss(server);
      results.emulator = await measureEmulatorThroughput(server, phase);
      if (sections.has('memory')) {
        log(`memory: topping up to 100k token responses (${results.emulator.tokenResponses} so far)`);
        results.memory = await rssAfterTokenResponses(server, idle, results.emulator.tokenResponses, 100_000, phase.concurrency);
      }
    } finally {
      await stopProcess(server.child);
    }
  }
  if (sections.has('local')) {
    log('cognito-local: setup through its JSON API, then REFRESH_TOKEN_AUTH load');
    const local = await startCognitoLocal();
    try {
      const setup = await setUpCognitoLocal(local.url, phase.concurrency);
      const bodies = setup.refreshTokens.map((t) => initiateRefreshBody(setup.clientId, t));
      const refresh = await runLoad({
        name: 'cognito-local InitiateAuth REFRESH_TOKEN_AUTH',
        url: local.url,
        serverPid: local.child.pid,
        ...phase,
        iteration: ({ pool, worker }) => initiateAuthRefresh(pool, bodies[worker % bodies.length] ?? ''),
      });
      results.cognitoLocal = { refresh };
    } finally {
      await stopProcess(local.child);
    }
  }
  if (sections.has('scale')) {
    log('scale: 1k, 10k, 100k users');
    results.scale = await measureScale();
  }
  if (sections.has('writes')) {
    const sizes = (values['write-sizes'] ?? '1000,10000,100000').split(',').map(Number);
    log(`writes: AdminUpdateUserAttributes one at a time at ${sizes.join(' / ')} users, memory and DATA_FILE`);
    results.state = { ...results.state, ...(await measureWrites(sizes)) };
  }
  if (sections.has('pools')) {
    log('pools: CreateUserPool one at a time');
    results.state = { ...results.state, createUserPool: await measureCreateUserPool() };
  }
  if (sections.has('keyless')) {
    log('keyless: start-up with two pools without SigningKeys, with them, and cognito-local, 9 runs each, interleaved');
    results.state = { ...results.state, keyless: await measureKeylessStartup(9) };
  }
  if (sections.has('replicas')) {
    const database = benchDatabase();
    if (database === undefined) {
      log('replicas: skipped (set BENCH_DATABASE_URL to a postgres:// URL of a server where databases can be created)');
    } else {
      log('replicas: refresh_token with no database, then 1, 2 and 3 replicas sharing one PostgreSQL database');
      results.replicas = await measureReplicas(database, phase);
    }
  }
  results.machine.loadavgAtEnd = loadavg()[0]?.toFixed(2);
  const verdicts = printReport(results);
  if (verdicts.some((v) => v.target === 'zero failed requests' && !v.met)) process.exitCode = 1;
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(removeTempDirs);
