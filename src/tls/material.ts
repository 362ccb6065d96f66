// The certificate and key of the TLS listener: the PEM files given (TLS_CERT / TLS_KEY), or a
// server certificate signed by a local CA that the emulator creates once and keeps in a directory
// (TLS_DIR; by default next to DATA_FILE, else a per-user cache), so a CA trusted once stays
// trusted across restarts. The server certificate is made again when the names it must cover
// change, when the CA changed, or when it nears its end.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { StartupError } from '../errors/startup-error.js';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** The generated local CA (absent when TLS_CERT / TLS_KEY are given). */
  ca?: { path: string; pem: string };
}

const RENEW_BEFORE_MS = 30 * 86_400_000;
const FILES = { caCert: 'ca.pem', caKey: 'ca-key.pem', cert: 'server.pem', key: 'server-key.pem', names: 'server-names.txt' };

/** The names the generated certificate covers: the loopback names, PUBLIC_URL's host, TLS_HOSTNAMES. */
export function certificateNames(config: Pick<Config, 'publicUrl' | 'tlsHostnames'>): string[] {
  const publicHost = config.publicUrl ? new URL(config.publicUrl).hostname.replace(/^\[(.*)\]$/, '$1') : undefined;
  return [...new Set(['localhost', '127.0.0.1', '::1', ...(publicHost ? [publicHost] : []), ...config.tlsHostnames])];
}

/** TLS_DIR, else a directory beside DATA_FILE, else the user's cache directory. */
export function tlsDirectory(config: Pick<Config, 'tlsDir' | 'dataFile'>, env: NodeJS.ProcessEnv = process.env): string {
  if (config.tlsDir !== undefined) return resolve(config.tlsDir);
  if (config.dataFile !== undefined) return join(dirname(resolve(config.dataFile)), 'cognito-emulator-tls');
  const cache = env.XDG_CACHE_HOME
    ?? (process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches')
      : process.platform === 'win32' ? env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local')
        : join(homedir(), '.cache'));
  return join(cache, 'cognito-emulator', 'tls');
}

export async function loadTlsMaterial(config: Config, now = Date.now()): Promise<TlsMaterial> {
  if (config.tlsCert !== undefined && config.tlsKey !== undefined) return givenMaterial(config.tlsCert, config.tlsKey);
  return generatedMaterial(tlsDirectory(config), certificateNames(config), now);
}

async function givenMaterial(certPath: string, keyPath: string): Promise<TlsMaterial> {
  const [cert, key] = await Promise.all([readText(certPath, 'TLS_CERT / --tls-cert'), readText(keyPath, 'TLS_KEY / --tls-key')]);
  try {
    new X509Certificate(cert);
  } catch {
    throw new StartupError(`TLS_CERT / --tls-cert: ${certPath} is not a PEM certificate`);
  }
  try {
    createPrivateKey(key);
  } catch {
    throw new StartupError(`TLS_KEY / --tls-key: ${keyPath} is not a PEM private key (encrypted keys are not supported)`);
  }
  return { cert, key };
}

async function readText(path: string, where: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new StartupError(`${where}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

async function generatedMaterial(dir: string, names: string[], now: number): Promise<TlsMaterial> {
  const path = (name: keyof typeof FILES) => join(dir, FILES[name]);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new StartupError(`TLS_DIR / --tls-dir: cannot create ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const existing = async (name: keyof typeof FILES) => readFile(path(name), 'utf8').catch(() => undefined);
  const [caCert, caKey, cert, key, namesText] = await Promise.all([
    existing('caCert'), existing('caKey'), existing('cert'), existing('key'), existing('names'),
  ]);
  // Loaded only when something has to be made: most starts reuse what is on disk.
  const generate = () => import('./generate.js');

  let ca = caCert !== undefined && caKey !== undefined && usableCa(caCert, caKey, now) ? { cert: caCert, key: caKey } : undefined;
  const caIsNew = ca === undefined;
  if (!ca) {
    ca = await (await generate()).createCa(now);
    await writeAtomically(path('caKey'), ca.key, 0o600);
    await writeAtomically(path('caCert'), ca.cert, 0o644);
  }
  let server = !caIsNew && cert !== undefined && key !== undefined && namesText === names.join('\n')
    && usableServerCertificate(cert, key, ca.cert, now) ? { cert, key } : undefined;
  if (!server) {
    server = await (await generate()).createServerCertificate(ca, names, now);
    await writeAtomically(path('key'), server.key, 0o600);
    await writeAtomically(path('cert'), server.cert, 0o644);
    await writeAtomically(path('names'), names.join('\n'), 0o644);
  }
  return { cert: server.cert, key: server.key, ca: { path: path('caCert'), pem: ca.cert } };
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
    return x.checkIssued(ca) && x.verify(ca.publicKey) && Date.parse(x.validTo) - now > RENEW_BEFORE_MS
      && x.checkPrivateKey(createPrivateKey(key));
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
