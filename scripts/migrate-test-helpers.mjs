// One-off: rewrites tests written against the old test helpers (buildTestApp and startServer, the
// fixture modules, the cookie helpers, the helper modules that lived beside the tests) to test/helpers/. Idempotent: after
// merging a branch that still uses the old names, run `node scripts/migrate-test-helpers.mjs` and then
// `npm run format`. Delete this file once no branch needs it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const HARNESS = 'test/helpers/harness.ts';
const FIXTURES = 'test/helpers/fixtures/index.ts';
const HTML = 'test/helpers/html.ts';
const AUTH_FIXTURE_NAMES = [
  'authFixture',
  'ENABLED_CLIENT',
  'DEFAULT_FLOWS_CLIENT',
  'LEGACY_PASSWORD_CLIENT',
  'ADMIN_ONLY_CLIENT',
  'EMAIL_CLIENT',
  'TEMP_PASSWORD',
  'NEW_PASSWORD',
  'EMAIL_POOL_ID',
  'PASSWORD',
  'POOL_ID',
];
const USERS_FIXTURE_NAMES = [
  'usersFixture',
  'HIDDEN_CLIENT',
  'LIMITED_CLIENT',
  'EMAIL_CLIENT',
  'ALIAS_POOL_ID',
  'ALIAS_CLIENT',
  'PLAIN_POOL_ID',
  'PLAIN_CLIENT',
  'ADMIN_SCOPE',
  'EMAIL_POOL_ID',
  'POOL_ID',
  'PUBLIC_CLIENT',
  'SECRET_CLIENT',
];
const to = (module, names) => Object.fromEntries(names.map((n) => [n, module]));

/**
 * Old module → where its exports are now: `to` for the module as a whole (applied once the old file is
 * gone), `names` for single exports (applied even while the old module exists).
 */
export const MOVES = {
  'test/helpers/build-test-app.ts': { to: HARNESS },
  'test/helpers/start-server.ts': { to: HARNESS },
  'test/helpers/fixture.ts': { to: FIXTURES },
  'test/helpers/real-clients-fixture.ts': { to: FIXTURES },
  'test/mfa/mfa-fixture.ts': { to: FIXTURES },
  'test/helpers/users-fixture.ts': { to: 'test/helpers/users.ts', names: to(FIXTURES, USERS_FIXTURE_NAMES) },
  'test/helpers/users.ts': { names: to(FIXTURES, USERS_FIXTURE_NAMES) },
  'test/helpers/self-service-pages.ts': { names: { verifyingFixture: FIXTURES } },
  'test/cognito-api/auth-helpers.ts': {
    to: 'test/helpers/auth.ts',
    names: { ...to(FIXTURES, AUTH_FIXTURE_NAMES), secretHash: 'test/helpers/secret-hash.ts' },
  },
  'test/helpers/auth.ts': { names: { ...to(FIXTURES, AUTH_FIXTURE_NAMES), secretHash: 'test/helpers/secret-hash.ts' } },
  'test/browser/harness.ts': { to: 'test/helpers/browser-app.ts' },
  'test/browser/amplify-https.ts': { to: 'test/helpers/amplify-https.ts' },
  'test/federation/helpers.ts': { to: 'test/helpers/federation.ts' },
  'test/hardening/cli-process.ts': { to: 'test/helpers/cli-process.ts' },
  'test/hardening/fuzz-requests.ts': { to: 'test/helpers/fuzz-requests.ts' },
  'test/integration/hosted-login.ts': { to: 'test/helpers/hosted-login.ts', names: to(HTML, ['setCookies', 'cookieHeader']) },
  'test/helpers/hosted-login.ts': { names: to(HTML, ['setCookies', 'cookieHeader']) },
  'test/helpers/flow.ts': { names: to(HTML, ['cookieHeader', 'responseCookies', 'responseCookie']) },
  'test/triggers/helpers.ts': { to: 'test/helpers/triggers.ts', names: { POOL_ID: FIXTURES } },
  'test/helpers/triggers.ts': { names: { POOL_ID: FIXTURES } },
  'test/triggers/lambda-server.ts': { to: 'test/helpers/lambda-server.ts' },
};

/** Renamed exports of the harness. */
const RENAMES = {
  buildTestApp: 'testEmulator',
  TestApp: 'TestEmulator',
  StartedServer: 'ListeningEmulator',
  StartServerOptions: 'HarnessOptions',
};

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'test', 'bench'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f.endsWith('.ts') && existsSync(f));

const specifier = (fromFile, target) => {
  const rel = relative(dirname(fromFile), target).replace(/\.ts$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*(['"])(\.{1,2}\/[^'"]+)\3;?/g;

let changed = 0;
for (const file of files) {
  const before = readFileSync(file, 'utf8');
  let usesHarness = false;
  // Named imports, regrouped by the module each name lives in now.
  let text = before.replace(IMPORT, (whole, typeOnly = '', list, _q, spec) => {
    const target = normalize(join(dirname(file), spec.replace(/\.js$/, '.ts')));
    const move = MOVES[target];
    if (!move) return whole;
    const whole_ = move.to && !existsSync(target) ? move.to : target;
    const groups = new Map();
    for (const raw of list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const name = raw.replace(/^type\s+/, '').split(/\s+as\s+/)[0];
      const module = move.names?.[name] ?? whole_;
      if (!groups.has(module)) groups.set(module, []);
      groups.get(module).push(raw);
    }
    if (groups.size === 1 && groups.has(target)) return whole;
    if (groups.has(HARNESS)) usesHarness = true;
    return [...groups].map(([module, names]) => `import ${typeOnly}{ ${names.join(', ')} } from '${specifier(file, module)}';`).join('\n');
  });
  // One import declaration per module and kind.
  const seen = new Map();
  text = text.replace(IMPORT, (_whole, typeOnly = '', list, _q, spec) => {
    const key = `${typeOnly}${spec}`;
    const names = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!seen.has(key)) {
      seen.set(key, names);
      return `@@import ${key}@@`;
    }
    seen.get(key).push(...names);
    return '';
  });
  text = text.replace(/@@import ([^@]*)@@/g, (_m, key) => {
    const typeOnly = key.startsWith('type ') ? 'type ' : '';
    const names = [...new Set(seen.get(key))];
    return `import ${typeOnly}{ ${names.join(', ')} } from '${key.slice(typeOnly.length)}';`;
  });
  if (usesHarness) {
    for (const [from, into] of Object.entries(RENAMES)) text = text.replace(new RegExp(`\\b${from}\\b`, 'g'), into);
    text = text.replace(
      /\bstartServer\((\w+),\s*\{\s*issuerUrl:\s*(\w+)\s*\}\)/g,
      'testEmulator($1, { listen: true, config: { issuerUrl: $2 } })',
    );
    text = text.replace(/\bstartServer\((\w+)\)/g, 'testEmulator($1, { listen: true })');
    text = text.replace(/\bstartServer\((\w+),\s*\{\s*/g, 'testEmulator($1, { listen: true, ');
    text = text.replace(/\bstartServer\b/g, 'testEmulator');
    // buildTestApp and startServer imported side by side are one name now.
    text = text.replace(IMPORT, (whole, typeOnly = '', list, _q, spec) =>
      spec.endsWith('/harness.js')
        ? `import ${typeOnly}{ ${[
            ...new Set(
              list
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            ),
          ].join(', ')} } from '${spec}';`
        : whole,
    );
  }
  if (text !== before) {
    writeFileSync(file, text);
    changed++;
  }
}
console.log(`migrate-test-helpers: ${changed} file(s) rewritten`);
