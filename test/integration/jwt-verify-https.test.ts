// aws-jwt-verify's generic JwtRsaVerifier with its DEFAULT JWKS fetcher (https only) against the
// emulator's own HTTPS port, trusted the way a Node app trusts a local CA: NODE_EXTRA_CA_CERTS
// pointing at the CA downloaded from GET /_emulator/tls/ca.pem. Node reads that variable once at
// start-up, so the verifier runs in a child process, as an API server would.
import t from 'tap';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHttpsEmulator } from '../helpers/start-https-emulator.js';
import { cliApi } from '../helpers/cli-process.js';
import { AMPLIFY_CLIENT, PASSWORD, POOL_ID, realClientFixture } from '../helpers/fixtures/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-jwt-https-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const emulator = await startHttpsEmulator(t, realClientFixture('http://localhost:3000'));

/** What the API server runs: verify the token with the default fetcher, print the outcome. */
const VERIFIER = `
import { JwtRsaVerifier } from 'aws-jwt-verify';
const verifier = JwtRsaVerifier.create({ issuer: process.env.ISSUER, audience: null, jwksUri: process.env.JWKS_URI });
try {
  const payload = await verifier.verify(process.env.TOKEN, { tokenUse: 'access' });
  console.log(JSON.stringify({ payload }));
} catch (err) {
  console.log(JSON.stringify({ error: err.constructor.name, message: err.message }));
}`;

/** Runs the verifier in a fresh node with `env` (and nothing of tap's NODE_OPTIONS). */
function verifyInChild(
  token: string,
  env: Record<string, string>,
): Promise<{ payload?: Record<string, unknown>; error?: string; message?: string }> {
  const { NODE_OPTIONS: _, NODE_EXTRA_CA_CERTS: __, ...parent } = process.env;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', VERIFIER],
      {
        cwd: ROOT,
        timeout: 60_000,
        env: {
          ...parent,
          ISSUER: emulator.issuer(POOL_ID),
          JWKS_URI: `${emulator.httpsUrl}/${POOL_ID}/.well-known/jwks.json`,
          TOKEN: token,
          ...env,
        },
      },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`verifier process failed: ${err.message} ${stderr}`));
        else resolve(JSON.parse(stdout) as never);
      },
    );
  });
}

const signIn = await cliApi(emulator.url, 'InitiateAuth', {
  AuthFlow: 'USER_PASSWORD_AUTH',
  ClientId: AMPLIFY_CLIENT,
  AuthParameters: { USERNAME: 'alice', PASSWORD },
});
const accessToken = String((signIn.body.AuthenticationResult as Record<string, unknown> | undefined)?.AccessToken);

t.test('with NODE_EXTRA_CA_CERTS = the CA from /_emulator/tls/ca.pem, the default fetcher gets the JWKS over TLS', async (t) => {
  const res = await fetch(`${emulator.url}/_emulator/tls/ca.pem`);
  t.equal(res.status, 200);
  const pem = await res.text();
  t.match(pem, /^-----BEGIN CERTIFICATE-----\n/);
  t.equal(pem.trim(), emulator.ca.pem.trim(), 'the same CA startEmulator reports');
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, pem);

  const result = await verifyInChild(accessToken, { NODE_EXTRA_CA_CERTS: caFile });
  t.notOk(result.error, result.error ? `${result.error}: ${result.message}` : 'verified');
  t.match(result.payload, { client_id: AMPLIFY_CLIENT, token_use: 'access', username: 'alice', iss: emulator.issuer(POOL_ID) });
});

t.test('without the CA the same verifier refuses the certificate', async (t) => {
  const result = await verifyInChild(accessToken, {});
  t.equal(result.payload, undefined, 'not verified');
  t.match(result.message, /self.signed|unable to verify|issuer certificate/i, `a TLS trust failure (${result.error}: ${result.message})`);
});
