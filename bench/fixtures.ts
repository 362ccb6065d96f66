// Fixture files the benchmark loads, written to a temp directory: one small pool for the token
// load (same shape as fixtures/example.json, keys generated at startup like the default), and
// pools of 1k / 10k / 100k users for the scale figures. Passwords are plain fixture passwords,
// which the emulator keeps in memory without hashing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const POOL_ID = 'us-east-1_Bench0001';
export const WEB_CLIENT = '1bench3456789abcdefghijklm';
export const BACKEND_CLIENT = '2bench3456789abcdefghijklm';
export const BACKEND_SECRET = 'benchsecret0123456789abcdefghijklmnopqrstuvwxyz0123';
export const CALLBACK = 'http://localhost:3000/callback';
export const RESOURCE = 'https://api.example.com';
export const PASSWORD = 'Passw0rd!';

const created: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cognito-bench-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Removes every temp directory this run made. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function pool(users: Array<Record<string, unknown>>) {
  return {
    Id: POOL_ID,
    Name: 'bench',
    Domain: 'bench',
    ResourceServers: [{ Identifier: RESOURCE, Name: 'API', Scopes: [{ ScopeName: 'read' }, { ScopeName: 'write' }] }],
    Groups: [{ GroupName: 'admins' }],
    Clients: [
      {
        ClientId: WEB_CLIENT,
        ClientName: 'web',
        CallbackURLs: [CALLBACK],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile', `${RESOURCE}/read`],
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      },
      {
        ClientId: BACKEND_CLIENT,
        ClientName: 'backend',
        ClientSecret: BACKEND_SECRET,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [`${RESOURCE}/read`, `${RESOURCE}/write`],
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      },
    ],
    Users: users,
  };
}

const user = (i: number) => ({
  Username: userName(i),
  Password: PASSWORD,
  Attributes: { email: userEmail(i), email_verified: 'true', given_name: `User ${i}` },
  ...(i === 0 ? { Groups: ['admins'] } : {}),
});

export const userName = (i: number) => `user${String(i).padStart(6, '0')}`;
export const userEmail = (i: number) => `${userName(i)}@example.com`;

/** The token-load fixture: a handful of users. Returns the file path. */
export function writeLoadFixture(dir: string): string {
  const file = join(dir, 'bench-load.json');
  writeFileSync(file, JSON.stringify({ UserPools: [pool(Array.from({ length: 4 }, (_, i) => user(i)))] }));
  return file;
}

/** A pool with `count` users. Returns the file path. */
export function writeScaleFixture(dir: string, count: number): string {
  const file = join(dir, `bench-${count}-users.json`);
  const users = new Array(count);
  for (let i = 0; i < count; i++) users[i] = user(i);
  writeFileSync(file, JSON.stringify({ UserPools: [pool(users)] }));
  return file;
}
