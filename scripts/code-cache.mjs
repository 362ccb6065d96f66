#!/usr/bin/env node
// Records V8's compiled code for the bundled CLI (dist/cli.bundle.cjs → dist/cli.bundle.cache), the
// last step of `npm run build`: it starts the built emulator on 127.0.0.1 with the example fixture,
// and src/main.ts has it written once the server listens (so it holds every function start-up
// compiles), then shuts down. A bundle that cannot start fails the build here.
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const CACHE = fileURLToPath(new URL('../dist/cli.bundle.cache', import.meta.url));

rmSync(CACHE, { force: true });
// None of the builder's own emulator settings (a DATA_FILE, FIXTURES, PUBLIC_URL...) may reach this run.
const { SETTINGS } = await import('../dist/config.js');
const env = { ...process.env };
for (const [name] of Object.values(SETTINGS)) delete env[name];
delete env.NODE_OPTIONS;
Object.assign(env, { COGNITO_EMULATOR_WRITE_CODE_CACHE: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', LOG_FORMAT: 'json' });
const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'inherit', 'inherit'] });
const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
child.on('close', (code, signal) => {
  clearTimeout(timer);
  let size = 0;
  try {
    size = statSync(CACHE).size;
  } catch {
    // reported below
  }
  if (code !== 0 || size === 0) {
    process.stderr.write(`code-cache: the built emulator did not start and write ${CACHE} (exit ${code ?? signal})\n`);
    process.exit(1);
  }
  process.stdout.write(`code-cache: ${CACHE} (${Math.round(size / 1024)} KB)\n`);
});
