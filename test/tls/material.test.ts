// The TLS listener's certificates: a local CA made once and kept, a server certificate for the
// loopback names, PUBLIC_URL's host and TLS_HOSTNAMES, made again when those change; given PEM
// files used as they are; bad settings stop startup with one clear line.
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { loadConfig } from '../../src/config.js';
import { StartupError } from '../../src/errors/startup-error.js';
import { certificateNames, loadTlsMaterial, tlsDirectory } from '../../src/tls/material.js';

async function tempDir(t: Test) {
  const dir = await mkdtemp(join(tmpdir(), 'tls-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
const config = (env: Record<string, string>) => loadConfig([], { HTTPS_PORT: '0', ...env });
const sans = (pem: string) => new X509Certificate(pem).subjectAltName ?? '';

t.test('settings: HTTPS_PORT, TLS_CERT with TLS_KEY, TLS_HOSTNAMES, TLS_DIR', async (t) => {
  const plain = loadConfig([], {});
  t.equal(plain.httpsPort, undefined, 'no TLS by default');
  t.same(plain.tlsHostnames, []);
  const c = loadConfig(['--https-port', '9443', '--tls-hostnames', ' cognito, *.test.internal ,10.0.0.5,'], { TLS_DIR: '/tmp/x' });
  t.equal(c.httpsPort, 9443);
  t.same(c.tlsHostnames, ['cognito', '*.test.internal', '10.0.0.5']);
  t.equal(c.tlsDir, '/tmp/x');
  t.throws(
    () => loadConfig([], { HTTPS_PORT: '70000' }),
    new StartupError('HTTPS_PORT / --https-port: "70000" is not a port number (0-65535)'),
  );
  t.throws(
    () => loadConfig([], { TLS_CERT: '/a.pem' }),
    new StartupError('TLS_CERT / --tls-cert and TLS_KEY / --tls-key go together: set both or neither'),
  );
  t.throws(
    () => loadConfig([], { TLS_HOSTNAMES: 'ok,bad name' }),
    new StartupError('TLS_HOSTNAMES / --tls-hostnames: "bad name" is not a host name or IP address'),
  );
});

t.test('names and directory', async (t) => {
  t.same(certificateNames(config({ PUBLIC_URL: 'https://auth.test:8443', TLS_HOSTNAMES: 'cognito,localhost' })), [
    'localhost',
    '127.0.0.1',
    '::1',
    'auth.test',
    'cognito',
  ]);
  t.same(certificateNames(config({ PUBLIC_URL: 'http://[fd00::1]:9229' })), ['localhost', '127.0.0.1', '::1', 'fd00::1']);
  t.equal(tlsDirectory({ tlsDir: 'rel/dir', dataFile: '/data/state.json' }), join(process.cwd(), 'rel/dir'), 'TLS_DIR wins');
  t.equal(tlsDirectory({ tlsDir: undefined, dataFile: '/data/state.json' }), '/data/cognito-emulator-tls', 'next to DATA_FILE');
  t.equal(
    tlsDirectory({ tlsDir: undefined, dataFile: undefined }, { XDG_CACHE_HOME: '/home/u/.cache' }),
    '/home/u/.cache/cognito-emulator/tls',
  );
});

t.test('generated: a local CA and a server certificate it signed, kept across restarts, renewed when the names change', async (t) => {
  const dir = await tempDir(t);
  const first = await loadTlsMaterial(config({ TLS_DIR: dir, TLS_HOSTNAMES: 'cognito' }));
  t.equal(first.ca?.path, join(dir, 'ca.pem'));
  t.equal(await readFile(join(dir, 'ca.pem'), 'utf8'), first.ca?.pem);
  const ca = new X509Certificate(first.ca!.pem);
  const server = new X509Certificate(first.cert);
  t.ok(ca.ca, 'the CA is a CA');
  t.notOk(server.ca, 'the server certificate is not');
  t.ok(server.checkIssued(ca) && server.verify(ca.publicKey), 'signed by the CA');
  t.ok(server.checkPrivateKey((await import('node:crypto')).createPrivateKey(first.key)), 'the key matches');
  t.equal(sans(first.cert), 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:cognito');
  t.ok(Date.parse(server.validTo) - Date.now() <= 398 * 86_400_000, 'within what browsers accept for a server certificate');
  t.equal((await stat(join(dir, 'ca-key.pem'))).mode & 0o777, 0o600, 'private keys are private');
  t.equal((await stat(join(dir, 'server-key.pem'))).mode & 0o777, 0o600);

  const again = await loadTlsMaterial(config({ TLS_DIR: dir, TLS_HOSTNAMES: 'cognito' }));
  t.equal(again.cert, first.cert, 'same names: the same certificate');
  t.equal(again.ca?.pem, first.ca?.pem);

  const renamed = await loadTlsMaterial(config({ TLS_DIR: dir, TLS_HOSTNAMES: 'cognito,auth.local' }));
  t.not(renamed.cert, first.cert, 'new names: a new certificate');
  t.equal(renamed.ca?.pem, first.ca?.pem, '... from the same CA (still trusted)');
  t.match(sans(renamed.cert), /DNS:auth\.local/);

  await writeFile(join(dir, 'server.pem'), 'garbage');
  const repaired = await loadTlsMaterial(config({ TLS_DIR: dir, TLS_HOSTNAMES: 'cognito,auth.local' }));
  t.ok(new X509Certificate(repaired.cert).checkIssued(ca), 'a damaged certificate is made again');

  // A certificate near its end is renewed (checked 380 days ahead).
  const later = await loadTlsMaterial(config({ TLS_DIR: dir, TLS_HOSTNAMES: 'cognito,auth.local' }), Date.now() + 380 * 86_400_000);
  t.not(later.cert, repaired.cert, 'renewed before it expires');
});

t.test('emulators starting together share one CA (the directory is locked while files are made)', async (t) => {
  const dir = await tempDir(t);
  const all = await Promise.all([1, 2, 3, 4].map(() => loadTlsMaterial(config({ TLS_DIR: dir }))));
  const onDisk = await readFile(join(dir, 'ca.pem'), 'utf8');
  t.ok(
    all.every((m) => m.ca?.pem === onDisk),
    'every one serves a certificate from the CA on disk',
  );
  t.ok(all.every((m) => new X509Certificate(m.cert).checkIssued(new X509Certificate(onDisk))));
  await t.rejects(stat(join(dir, '.lock')), 'the lock is released');

  // A lock left behind by a process that died while holding it is taken over once it is stale.
  await writeFile(join(dir, '.lock'), '');
  const old = new Date(Date.now() - 120_000);
  await utimes(join(dir, '.lock'), old, old);
  t.equal((await loadTlsMaterial(config({ TLS_DIR: dir }))).ca?.pem, onDisk);
});

t.test('given: TLS_CERT / TLS_KEY are used as they are; unreadable or malformed files stop startup', async (t) => {
  const dir = await tempDir(t);
  const made = await loadTlsMaterial(config({ TLS_DIR: join(dir, 'made') }));
  await writeFile(join(dir, 'cert.pem'), made.cert);
  await writeFile(join(dir, 'key.pem'), made.key);
  const given = await loadTlsMaterial(config({ TLS_CERT: join(dir, 'cert.pem'), TLS_KEY: join(dir, 'key.pem') }));
  t.equal(given.cert, made.cert);
  t.equal(given.ca, undefined, 'no local CA to serve');
  await t.rejects(
    loadTlsMaterial(config({ TLS_CERT: join(dir, 'nope.pem'), TLS_KEY: join(dir, 'key.pem') })),
    new StartupError(`TLS_CERT / --tls-cert: cannot read ${join(dir, 'nope.pem')} (ENOENT)`),
  );
  await t.rejects(
    loadTlsMaterial(config({ TLS_CERT: join(dir, 'key.pem'), TLS_KEY: join(dir, 'key.pem') })),
    new StartupError(`TLS_CERT / --tls-cert: ${join(dir, 'key.pem')} is not a PEM certificate`),
  );
  await t.rejects(
    loadTlsMaterial(config({ TLS_CERT: join(dir, 'cert.pem'), TLS_KEY: join(dir, 'cert.pem') })),
    new StartupError(`TLS_KEY / --tls-key: ${join(dir, 'cert.pem')} is not a PEM private key (encrypted keys are not supported)`),
  );
});

t.test('an unusable TLS_DIR stops startup with one line', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'file'), 'x');
  await t.rejects(loadTlsMaterial(config({ TLS_DIR: join(dir, 'file', 'sub') })), {
    name: 'StartupError',
    message: /^TLS_DIR \/ --tls-dir: cannot create .*file\/sub \(ENOTDIR\)$/,
  });
});
