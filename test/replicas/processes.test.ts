// Replicas as real processes (the CLI, DATABASE_URL set) on their own ports: one is SIGKILLed while
// writes to it are in flight, and every write it acknowledged is found on the other; restarted,
// it has what happened while it was down.
import {
  AdminGetUserCommand,
  AdminCreateUserCommand,
  AdminUpdateUserAttributesCommand,
  InitiateAuthCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { SETTINGS } from '../../src/config.js';
import { PASSWORD, POOL_ID, PUBLIC_CLIENT, TEST_FIXTURE } from '../helpers/fixtures/index.js';
import { sdkClient } from '../helpers/sdk.js';
import { freshDatabase, testDatabase } from '../helpers/replicas.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const server = testDatabase(t);

interface Started {
  url: string;
  child: ChildProcess;
  exited: Promise<unknown>;
}

async function startProcess(t: Test, env: Record<string, string>): Promise<Started> {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const [name] of Object.values(SETTINGS)) delete clean[name];
  delete clean.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...clean, PORT: '0', HOST: '127.0.0.1', PUBLIC_URL: 'http://localhost:9229', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.teardown(() => {
    child.kill('SIGKILL');
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg?.startsWith('cognito-emulator listening on') && entry.port) resolve(entry.port);
      }
    });
    child.on('close', () => reject(new Error(`exited before listening; stderr: ${stderr}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, exited };
}

t.test(
  'replica processes: one SIGKILLed mid-run loses nothing it acknowledged, and catches up when restarted',
  {
    skip: server === undefined ? 'no PostgreSQL (see test/helpers/replicas.ts)' : false,
  },
  async (t) => {
    const databaseUrl = await freshDatabase(t, server as string);
    const dir = mkdtempSync(join(tmpdir(), 'emu-replicas-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const fixtures = join(dir, 'fixture.json');
    writeFileSync(fixtures, JSON.stringify(TEST_FIXTURE));
    const env = { DATABASE_URL: databaseUrl, FIXTURES: fixtures, LOG_LEVEL: 'info' };
    const a = await startProcess(t, env);
    const b = await startProcess(t, env);

    // Users created through B by four clients in a loop; B is killed after its 20th answer, with
    // requests in flight.
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const lane = async (): Promise<void> => {
      while (!killed) {
        const username = `k${next++}`;
        try {
          await sdkClient(b.url).send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: username, MessageAction: 'SUPPRESS' }));
        } catch {
          return; // cut off by the kill
        }
        acknowledged.push(username);
        if (acknowledged.length >= 20 && !killed) {
          killed = true;
          b.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    await b.exited;
    t.comment(`${acknowledged.length} of ${next} creations acknowledged before the kill`);
    t.ok(acknowledged.length >= 20, 'writes were acknowledged before the kill');
    let missing = 0;
    for (const username of acknowledged) {
      await sdkClient(a.url)
        .send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: username }))
        .catch(() => {
          missing++;
        });
    }
    t.equal(missing, 0, 'every user the killed replica acknowledged exists on the other');
    await sdkClient(a.url).send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: POOL_ID,
        Username: 'alice',
        UserAttributes: [{ Name: 'custom:tier', Value: 'platinum' }],
      }),
    );
    const seen = await sdkClient(a.url).send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'alice' }));

    await sdkClient(a.url).send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'during-outage', MessageAction: 'SUPPRESS' }));
    await sdkClient(a.url).send(
      new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'during-outage', Password: PASSWORD, Permanent: true }),
    );
    const b2 = await startProcess(t, env);
    const signedIn = await sdkClient(b2.url).send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: PUBLIC_CLIENT,
        AuthParameters: { USERNAME: 'during-outage', PASSWORD },
      }),
    );
    t.ok(signedIn.AuthenticationResult?.AccessToken, 'the restarted replica signs in a user created while it was down');
    const onB2 = await sdkClient(b2.url).send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'alice' }));
    t.same(onB2.UserAttributes, seen.UserAttributes, 'and has the same record as the replica that stayed up');
  },
);
