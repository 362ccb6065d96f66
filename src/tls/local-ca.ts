// The generated local CA and the server certificate it signs, kept in a directory (TLS_DIR) so a
// CA trusted once stays trusted across restarts. The server certificate is made again when the
// names it must cover change, when the CA changed, or when it nears its end; the CA when it is
// missing, damaged or near its end. Certificates on disk are checked with node:crypto alone; the
// X.509 library is loaded only to make one.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../errors/startup-error.js';
import { createCa, createServerCertificate } from './generate.js';
import type { TlsMaterial } from './material.js';

const RENEW_BEFORE_MS = 30 * 86_400_000;
const FILES = { caCert: 'ca.pem', caKey: 'ca-key.pem', cert: 'server.pem', key: 'server-key.pem', names: 'server-names.txt' };

export async function localCaMaterial(dir: string, names: readonly string[], now: number): Promise<TlsMaterial> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new StartupError(`TLS_DIR / --tls-dir: cannot create ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  // Emulators starting together (test workers) share the directory: one at a time reads and makes
  // files, so they all end up with the one CA that is on disk.
  return withLock(dir, () => readOrMake(dir, names, now));
}

async function readOrMake(dir: string, names: readonly string[], now: number): Promise<TlsMaterial> {
  const path = (name: keyof typeof FILES) => join(dir, FILES[name]);
  const existing = async (name: keyof typeof FILES) => readFile(path(name), 'utf8').catch(() => undefined);
  const [caCert, caKey, cert, key, namesText] = await Promise.all([
    existing('caCert'),
    existing('caKey'),
    existing('cert'),
    existing('key'),
    existing('names'),
  ]);
  let ca = caCert !== undefined && caKey !== undefined && usableCa(caCert, caKey, now) ? { cert: caCert, key: caKey } : undefined;
  const caIsNew = ca === undefined;
  if (!ca) {
    ca = await createCa(now);
    await writeAtomically(path('caKey'), ca.key, 0o600);
    await writeAtomically(path('caCert'), ca.cert, 0o644);
  }
  let server =
    !caIsNew &&
    cert !== undefined &&
    key !== undefined &&
    namesText === names.join('\n') &&
    usableServerCertificate(cert, key, ca.cert, now)
      ? { cert, key }
      : undefined;
  if (!server) {
    server = await createServerCertificate(ca, names, now);
    await writeAtomically(path('key'), server.key, 0o600);
    await writeAtomically(path('cert'), server.cert, 0o644);
    await writeAtomically(path('names'), names.join('\n'), 0o644);
  }
  return { cert: server.cert, key: server.key, ca: { path: path('caCert'), pem: ca.cert } };
}

const LOCK_WAIT_MS = 30_000;
/** A lock older than this was left by a process that died while holding it (making takes well under a second). */
const LOCK_STALE_MS = 60_000;

async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lock = join(dir, '.lock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await (await open(lock, 'wx')).close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StartupError(
          `TLS_DIR / --tls-dir: cannot write ${lock} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
        );
      }
      const since = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (since > LOCK_STALE_MS) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new StartupError(`TLS_DIR / --tls-dir: ${lock} is held by another process (remove it if no emulator is starting)`);
      await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

function usableCa(cert: string, key: string, now: number): boolean {
  try {
    const x = new X509Certificate(cert);
    return x.ca && Date.parse(x.validTo) - now > RENEW_BEFORE_MS && x.checkPrivateKey(createPrivateKey(key));
  } catch {
    return false;
  }
}

function usableServerCertificate(cert: string, key: string, caCert: string, now: number): boolean {
  try {
    const x = new X509Certificate(cert);
    const ca = new X509Certificate(caCert);
    return (
      x.checkIssued(ca) &&
      x.verify(ca.publicKey) &&
      Date.parse(x.validTo) - now > RENEW_BEFORE_MS &&
      x.checkPrivateKey(createPrivateKey(key))
    );
  } catch {
    return false;
  }
}

/** Temp file + rename: a reader (or a crash) never sees half a file. */
async function writeAtomically(path: string, text: string, mode: number): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text, { mode });
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (err) {
    throw new StartupError(`TLS_DIR / --tls-dir: cannot write ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
