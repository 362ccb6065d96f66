// The machine's signing bound: raw node:crypto RS256 (RSA-2048, SHA-256) signatures per second with
// one worker thread per core signing in a loop for a fixed time, all started together. A token
// response needs 2 signatures (ID + access token) for authorization_code and refresh_token and 1
// for client_credentials, so bound = signatures/s ÷ signatures per response.
import { generateKeyPair } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';

export interface SigningBound {
  cores: number;
  /** Total RS256 signatures per second across all cores. */
  signaturesPerSecond: number;
  perCore: number;
  /** CPU time one signature costs (all threads' CPU over the signatures made): meaningful even on a busy machine. */
  cpuMsPerSignature: number;
  /** Responses per second the signatures alone allow. */
  bound: { refresh_token: number; authorization_code: number; client_credentials: number };
}

export const SIGNATURES_PER_RESPONSE = { refresh_token: 2, authorization_code: 2, client_credentials: 1 } as const;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createPrivateKey, sign } = require('node:crypto');
const key = createPrivateKey(workerData.pem);
const data = Buffer.from(workerData.payload);
const until = (t) => { let n = 0; while (performance.now() < t) { sign('sha256', data, key); n++; } return n; };
until(performance.now() + 300); // warm-up
parentPort.postMessage('ready');
parentPort.once('message', (durationMs) => {
  const t0 = performance.now();
  const n = until(t0 + durationMs);
  parentPort.postMessage({ n, ms: performance.now() - t0 });
});
`;

/** A JWS signing input of a typical size (header + Cognito-shaped ID-token claims, base64url). */
const PAYLOAD =
  'eyJraWQiOiJrIiwiYWxnIjoiUlMyNTYifQ.' +
  Buffer.from(
    JSON.stringify({
      at_hash: 'x'.repeat(22),
      sub: '00000000-0000-0000-0000-000000000000',
      'cognito:groups': ['admins'],
      email_verified: true,
      iss: 'http://localhost:9229/us-east-1_Bench0001',
      'cognito:username': 'user000000',
      origin_jti: 'y'.repeat(36),
      aud: '1bench3456789abcdefghijklm',
      event_id: 'z'.repeat(36),
      token_use: 'id',
      auth_time: 1,
      exp: 2,
      iat: 1,
      jti: 'j'.repeat(36),
      email: 'user000000@example.com',
    }),
  ).toString('base64url');

export async function measureSigningBound(durationMs = 3000): Promise<SigningBound> {
  const cores = availableParallelism();
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const workers = Array.from({ length: cores }, () => new Worker(WORKER, { eval: true, workerData: { pem, payload: PAYLOAD } }));
  try {
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
    const cpu0 = process.cpuUsage();
    const results = await Promise.all(
      workers.map((w) => {
        const done = new Promise<{ n: number; ms: number }>((resolve) => w.once('message', resolve));
        w.postMessage(durationMs);
        return done;
      }),
    );
    const cpu = process.cpuUsage(cpu0);
    const signaturesPerSecond = results.reduce((sum, r) => sum + (r.n * 1000) / r.ms, 0);
    const signatures = results.reduce((sum, r) => sum + r.n, 0);
    return {
      cores,
      signaturesPerSecond,
      perCore: signaturesPerSecond / cores,
      cpuMsPerSignature: (cpu.user + cpu.system) / 1000 / signatures,
      bound: {
        refresh_token: signaturesPerSecond / SIGNATURES_PER_RESPONSE.refresh_token,
        authorization_code: signaturesPerSecond / SIGNATURES_PER_RESPONSE.authorization_code,
        client_credentials: signaturesPerSecond / SIGNATURES_PER_RESPONSE.client_credentials,
      },
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
