// `npm run bench:profile`: where the emulator's time goes under refresh_token load. Starts
// `node --cpu-prof dist/main.js`, runs the refresh load, stops it and summarises the main thread's
// profile (self time by function and by package), plus CPU time per OS thread from
// /proc/<pid>/task/*/stat (the main thread vs libuv's pool, which runs jose's WebCrypto signing and
// is invisible to --cpu-prof). Options: --duration=<ms> (default 8000), --concurrency=<n> (32),
// --grant=refresh|client_credentials.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { removeTempDirs, tempDir } from './fixtures.js';
import { sleep, stopProcess } from './lib/processes.js';
import { runLoad } from './load.js';
import { clientCredentials } from './flows.js';
import { refreshLoad, refreshTokens, startEmulatorForLoad } from './throughput.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const CLOCK_TICKS = 100;

/** CPU seconds per thread name (threads of one name summed), from /proc/<pid>/task. */
function threadCpu(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const label = tid === String(pid) ? `main thread (${name})` : name;
      byName.set(label, (byName.get(label) ?? 0) + (Number(f[11]) + Number(f[12])) / CLOCK_TICKS);
    } catch {
      /* thread ended */
    }
  }
  return byName;
}

function packageOf(url: string): string {
  if (url === '') return '(native / V8)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? `emulator ${url.slice(dist + 1)}` : url;
}

function summarise(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url ? `${frame.url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + us);
    const p = frame.url === '' ? (frame.functionName.startsWith('(') ? frame.functionName : '(native / V8)') : packageOf(frame.url);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const lines = [`main-thread profile: ${(total / 1e6).toFixed(2)} s sampled`, '', 'self time by package / category:'];
  for (const [k, us] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${pct(us)}  ${k}`);
  lines.push('', `top ${top} functions by self time:`);
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${k}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { duration: { type: 'string' }, concurrency: { type: 'string' }, grant: { type: 'string' } } });
  const durationMs = Number(values.duration ?? 8000);
  const concurrency = Number(values.concurrency ?? 32);
  const dir = tempDir('profile');
  const server = await startEmulatorForLoad(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const pid = server.child.pid ?? 0;
  const phase = { concurrency, durationMs, warmupMs: 1000 };
  let result: Awaited<ReturnType<typeof runLoad>>;
  let before: Map<string, number>;
  if (values.grant === 'client_credentials') {
    before = threadCpu(pid);
    result = await runLoad({
      name: 'client_credentials',
      url: server.url,
      serverPid: pid,
      ...phase,
      iteration: ({ pool }) => clientCredentials(pool),
    });
  } else {
    const tokens = await refreshTokens(server.url, concurrency);
    before = threadCpu(pid);
    result = await refreshLoad(server, tokens.oauth, phase);
  }
  const after = threadCpu(pid);
  await stopProcess(server.child);
  await sleep(200);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const out: string[] = [
    `${result.name}: ${result.rps.toFixed(0)} responses/s, p99 ${result.latency.p99.toFixed(1)} ms, ${result.failures} failures,` +
      ` server ${result.serverCores?.toFixed(2)} cores, client ${result.clientCores.toFixed(2)} cores`,
    '',
    'server CPU seconds per thread during warm-up + measured load:',
  ];
  for (const [name, s] of [...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const).sort((a, b) => b[1] - a[1])) {
    if (s > 0.005) out.push(`  ${s.toFixed(2).padStart(6)} s  ${name}`);
  }
  out.push('');
  out.push(
    file
      ? summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile)
      : 'no .cpuprofile was written (did the emulator exit cleanly?)',
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`profile failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(removeTempDirs);
