// The certificate and key of the TLS listener: the PEM files given (TLS_CERT / TLS_KEY), or a
// server certificate signed by a local CA that the emulator creates once and keeps in a directory
// (TLS_DIR; by default next to DATA_FILE, else a per-user cache): local-ca.ts.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { StartupError } from '../errors/startup-error.js';
import { localCaMaterial } from './local-ca.js';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** The generated local CA (absent when TLS_CERT / TLS_KEY are given). */
  ca?: { path: string; pem: string };
}

/** The names the generated certificate covers: the loopback names, PUBLIC_URL's host, TLS_HOSTNAMES. */
export function certificateNames(config: Pick<Config, 'publicUrl' | 'tlsHostnames'>): string[] {
  const publicHost = config.publicUrl ? new URL(config.publicUrl).hostname.replace(/^\[(.*)\]$/, '$1') : undefined;
  return [...new Set(['localhost', '127.0.0.1', '::1', ...(publicHost ? [publicHost] : []), ...config.tlsHostnames])];
}

/** TLS_DIR, else a directory beside DATA_FILE, else the user's cache directory. */
export function tlsDirectory(config: Pick<Config, 'tlsDir' | 'dataFile'>, env: NodeJS.ProcessEnv = process.env): string {
  if (config.tlsDir !== undefined) return resolve(config.tlsDir);
  if (config.dataFile !== undefined) return join(dirname(resolve(config.dataFile)), 'cognito-emulator-tls');
  const cache =
    env.XDG_CACHE_HOME ??
    (process.platform === 'darwin'
      ? join(homedir(), 'Library', 'Caches')
      : process.platform === 'win32'
        ? (env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'))
        : join(homedir(), '.cache'));
  return join(cache, 'cognito-emulator', 'tls');
}

export async function loadTlsMaterial(config: Config, now = Date.now()): Promise<TlsMaterial> {
  if (config.tlsCert !== undefined && config.tlsKey !== undefined) return givenMaterial(config.tlsCert, config.tlsKey);
  return localCaMaterial(tlsDirectory(config), certificateNames(config), now);
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
