// `npx tsx bench/soak.ts [--minutes=3] [--phase-seconds=10] [--concurrency=4]`: the long version of
// the memory soak in test/hardening/memory.test.ts (the suite runs ~30 s of it). Spawns the CLI on
// 127.0.0.1, runs sign-ins, code exchanges, refreshes, revocations, sessions and unanswered SRP
// starts in phases, moving the emulated clock a month after each so everything expires, and prints
// RSS per phase plus the growth between the first and last thirds (warm-up phase excluded).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCli, stopCli, writeFixture } from '../test/helpers/cli-process.js';
import { mean, runSoak } from '../test/hardening/soak-load.js';

const { values } = parseArgs({
  options: { minutes: { type: 'string' }, 'phase-seconds': { type: 'string' }, concurrency: { type: 'string' } },
});
const minutes = Number(values.minutes ?? 3);
const phaseMs = Number(values['phase-seconds'] ?? 10) * 1000;
const phases = Math.max(4, Math.round((minutes * 60_000) / phaseMs));

const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-bench-soak-'));
const cli = await startCli({ FIXTURES: writeFixture(dir) });
try {
  const soak = await runSoak({
    url: cli.url,
    pid: cli.pid,
    phases,
    phaseMs,
    concurrency: Number(values.concurrency ?? 4),
    log: (l) => console.log(l),
  });
  const steady = soak.samples.slice(1);
  const third = Math.max(1, Math.floor(steady.length / 3));
  const first = mean(steady.slice(0, third).flat()),
    last = mean(steady.slice(-third).flat());
  console.log(
    JSON.stringify({
      rounds: soak.rounds,
      phases,
      rssByPhaseMb: soak.samples.map((s) => Number(mean(s).toFixed(1))),
      firstThirdMb: first,
      lastThirdMb: last,
      growthMb: last - first,
      codesLeft: soak.codesLeft,
    }),
  );
  process.exitCode = last - first < 25 && soak.codesLeft.every((n) => n === 0) ? 0 : 1;
} finally {
  await stopCli(cli);
  rmSync(dir, { recursive: true, force: true });
}
