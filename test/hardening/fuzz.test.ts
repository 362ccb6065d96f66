// Thousands of hostile requests across every route (generators in fuzz-requests.ts),
// most through app.inject, a batch over a real socket with undici, and raw malformed bytes over
// TCP. Every answer is checked: no 5xx, no dropped connection, nothing reflected unescaped into
// HTML, no redirect outside the registered URLs, no header injection, only the emulator's own
// HttpOnly cookies; afterwards /health is 200 and no prototype was touched. Failures are
// collected (not shrunk) so one run lists them all; FUZZ_SEED=<n> replays a run.
import t, { type Test } from 'tap';
import fc from 'fast-check';
import { connect } from 'node:net';
import { Agent, request as undiciRequest } from 'undici';
import { BODY_LIMIT } from '../../src/app.js';
import { type TestEmulator, testEmulator } from '../helpers/harness.js';
import { openLoginPage, signIn, signInForTokens, submitLogin } from '../helpers/flow.js';
import { headerProblem, htmlProblem } from '../helpers/response-checks.js';
import { reuseTestKeys } from '../helpers/sdk.js';

import { OPERATIONS } from '../../src/cognito-api/operations/index.js';
import { apiInput, apiRequest, browserRequest, LIVE, oauthRequest, otherRequest, type FuzzRequest } from '../helpers/fuzz-requests.js';

const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
/** FUZZ_SCALE=10 sends ten times as many requests (a longer hunt; the suite runs 1x). */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
t.comment(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);

const prototypes = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(','),
  );
const PROTOTYPES_BEFORE = prototypes();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** What is wrong with an answer, or undefined. */
export function answerProblem(res: Answer, ownOrigin?: string): string | undefined {
  if (res.status >= 500) return `status ${res.status}`;
  const header = headerProblem(res.headers, ownOrigin);
  if (header) return header;
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('text/html')) return htmlProblem(res.body);
  // Anything else that reflects input must be a type browsers never render as a page.
  if (/<x-evil|<script/i.test(res.body) && !/^application\/(json|x-amz-json-1\.[01])\b/.test(type))
    return `marker reflected as ${type || 'no content-type'}`;
  return undefined;
}

const describe = (req: FuzzRequest) =>
  `${req.method} ${req.url.slice(0, 160)} [${Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${v.slice(0, 60)}`)
    .join(' | ')}] body ${req.payload?.toString('latin1').slice(0, 120) ?? '-'}`;

interface Run {
  sent: number;
  failures: string[];
  statuses: Map<number, number>;
}

/** Fresh codes, tokens, a session and a new-password challenge for the generators (after each reset). */
async function refillLive(emulator: TestEmulator): Promise<void> {
  const tokens = await signInForTokens(emulator.app, { scope: 'openid email' });
  const signedIn = await Promise.all([1, 2, 3].map(() => signIn(emulator.app)));
  const page = await openLoginPage(emulator.app);
  const bob = await submitLogin(emulator.app, page, 'bob', 'TempPassw0rd!');
  const challenge = /name="challenge" value="([^"]+)"/.exec(bob.body)?.[1];
  if (challenge === undefined) throw new Error('no new-password challenge for bob');
  const fill = (list: string[], values: string[]) => list.splice(0, list.length, ...values);
  fill(LIVE.access, [tokens.access_token]);
  fill(LIVE.id, [tokens.id_token ?? '']);
  fill(LIVE.refresh, [tokens.refresh_token ?? '']);
  fill(
    LIVE.code,
    signedIn.map((s) => s.code),
  );
  fill(
    LIVE.session,
    signedIn.map((s) => s.cookies.cognito ?? ''),
  );
  fill(LIVE.challenge, [challenge]);
}

async function fuzzInject(t: Test, emulator: TestEmulator, arb: fc.Arbitrary<FuzzRequest>, runs: number, seed: number): Promise<Run> {
  const run: Run = { sent: 0, failures: [], statuses: new Map() };
  await fc.assert(
    fc.asyncProperty(arb, async (req) => {
      run.sent++;
      // Random management calls delete pools and users: go back to the fixture now and then.
      if (run.sent % 150 === 0) {
        await emulator.reset();
        await refillLive(emulator);
      }
      const res = await emulator.app.inject({
        method: req.method,
        url: req.url,
        headers: req.headers,
        ...(req.payload ? { payload: req.payload } : {}),
      });
      // A fuzzed POST /_emulator/faults must not fail or delay the requests after it.
      emulator.deps.faults.clear();
      run.statuses.set(res.statusCode, (run.statuses.get(res.statusCode) ?? 0) + 1);
      const problem = answerProblem({ status: res.statusCode, headers: res.headers, body: res.body });
      if (problem) run.failures.push(`${problem}\n    ${describe(req)}\n    → ${res.body.slice(0, 300)}`);
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  t.comment(`${run.sent} requests; statuses ${JSON.stringify(Object.fromEntries([...run.statuses].sort()))}`);
  return run;
}

function checkRun(t: Test, run: Run, runs: number) {
  t.equal(run.sent, runs, `${runs} requests sent`);
  t.same(run.failures.slice(0, 15), [], `no problem in any answer (${run.failures.length} found)`);
}

t.test('hostile requests through app.inject, every route', async (t) => {
  const emulator = await testEmulator(t);
  reuseTestKeys(emulator.deps);
  // Live codes and tokens, so the grants, userInfo, revoke and token-based operations go past "unknown".
  await refillLive(emulator);

  const areas: Array<[string, fc.Arbitrary<FuzzRequest>, number]> = [
    ['hosted pages (/oauth2/authorize, /login, /forceChangePassword, /logout, /error)', browserRequest, 800],
    ['OAuth JSON endpoints (token, revoke, userInfo, every method)', oauthRequest, 550],
    ['Cognito JSON API: every operation with random inputs', apiRequest, 1100],
    ['well-known, /health, /_emulator/*, unknown paths and methods', otherRequest, 250],
  ];
  for (const [name, arb, runs] of areas) {
    await t.test(name, async (t) => checkRun(t, await fuzzInject(t, emulator, arb, runs * SCALE, SEED), runs * SCALE));
  }

  // The random choice above reaches each operation ~18 times; make sure none is left out.
  await t.test('every registered operation, 4 random inputs each', async (t) => {
    const operations = Object.keys(OPERATIONS);
    const inputs = fc.sample(apiInput, { numRuns: operations.length * 4, seed: SEED + 2 });
    const run: Run = { sent: 0, failures: [], statuses: new Map() };
    for (const [i, input] of inputs.entries()) {
      const req: FuzzRequest = {
        method: 'POST',
        url: '/',
        payload: Buffer.from(JSON.stringify(input)),
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${operations[i % operations.length]}`,
        },
      };
      const res = await emulator.app.inject({ method: req.method, url: req.url, headers: req.headers, payload: req.payload });
      run.sent++;
      const problem = answerProblem({ status: res.statusCode, headers: res.headers, body: res.body });
      if (problem) run.failures.push(`${problem}\n    ${describe(req)}\n    → ${res.body.slice(0, 300)}`);
      if (res.statusCode === 400) t.equal(typeof res.json().__type, 'string', `${operations[i % operations.length]}: a Cognito error`);
    }
    checkRun(t, run, operations.length * 4);
  });
  await emulator.reset();

  const health = await emulator.app.inject({ url: '/health' });
  t.equal(health.statusCode, 200, '/health still 200');
  t.same(health.json(), { status: 'ok' });
});

t.test('oversized bodies: 413 with a clear error on the token endpoint, /login and the JSON API', async (t) => {
  const { app } = await testEmulator(t);
  const big = 'x'.repeat(BODY_LIMIT + 1);
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const token = await app.inject({ method: 'POST', url: '/oauth2/token', headers: form, payload: `grant_type=${big}` });
  t.equal(token.statusCode, 413);
  t.same(token.json(), { error: 'invalid_request', error_description: 'Request body is too large' });
  const login = await app.inject({ method: 'POST', url: '/login', headers: form, payload: `username=${big}` });
  t.equal(login.statusCode, 413);
  t.match(login.headers['content-type'], /^text\/html/);
  t.equal(htmlProblem(login.body), undefined, 'the error page is well-formed');
  const api = await app.inject({
    method: 'POST',
    url: '/',
    payload: JSON.stringify({ UserPoolId: big }),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers' },
  });
  t.equal(api.statusCode, 413);
  t.same(api.json(), { __type: 'InvalidParameterException', message: 'Request body is too large' });
  t.equal(api.headers['x-amzn-errortype'], 'InvalidParameterException:');
  const justUnder = await app.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: form,
    payload: `grant_type=${'x'.repeat(BODY_LIMIT - 20)}`,
  });
  t.equal(justUnder.statusCode, 400, 'a body under the limit is parsed (and refused on its merits)');
  t.same(justUnder.json(), { error: 'unsupported_grant_type' });
});

t.test('prototype pollution attempts are refused and change nothing', async (t) => {
  const { app } = await testEmulator(t);
  const api = (body: string) =>
    app.inject({
      method: 'POST',
      url: '/',
      payload: body,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser' },
    });
  for (const body of ['{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}']) {
    const res = await api(body);
    t.equal(res.statusCode, 400, body);
    t.equal(res.json().__type, 'SerializationException', `${body}: refused as malformed`);
  }
  const form = await app.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: '__proto__[polluted]=yes&__proto__=x&constructor[prototype][polluted]=yes&grant_type=client_credentials',
  });
  t.equal(form.statusCode, 400);
  const cookie = await app.inject({ url: '/error', headers: { cookie: '__proto__=polluted; constructor=x' } });
  t.equal(cookie.statusCode, 400);
  const user = await app.inject({
    method: 'POST',
    url: '/',
    payload: JSON.stringify({
      UserPoolId: 'us-east-1_TestPool1',
      Username: '__proto__',
      TemporaryPassword: 'Passw0rd!x',
      MessageAction: 'SUPPRESS',
    }),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminCreateUser' },
  });
  t.equal(user.statusCode, 200, 'a user named __proto__ is just a user');
  const got = await app.inject({
    method: 'POST',
    url: '/',
    payload: JSON.stringify({ UserPoolId: 'us-east-1_TestPool1', Username: '__proto__' }),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser' },
  });
  t.equal(got.json().Username, '__proto__');
  const missing = await app.inject({
    method: 'POST',
    url: '/',
    payload: JSON.stringify({ UserPoolId: 'us-east-1_TestPool1', Username: 'constructor' }),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser' },
  });
  t.equal(missing.json().__type, 'UserNotFoundException', '"constructor" is not found on a prototype');
  t.equal(({} as Record<string, unknown>).polluted, undefined);
});

/** Requests undici refuses to send (e.g. a latin1 header it rejects) are counted apart from server failures. */
const CLIENT_SIDE = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);

t.test('hostile requests over a real socket: no dropped connection, no 5xx', async (t) => {
  const server = await testEmulator(t, { listen: true });
  reuseTestKeys(server.deps);
  const dispatcher = new Agent({ connections: 8, headersTimeout: 30_000, bodyTimeout: 30_000 });
  t.teardown(() => dispatcher.close());
  const arb = fc.oneof(browserRequest, oauthRequest, apiRequest, otherRequest);
  const requests = fc.sample(arb, { numRuns: 300, seed: SEED + 1 });
  const failures: string[] = [];
  let answered = 0,
    notSendable = 0;
  const one = async (req: FuzzRequest) => {
    try {
      const res = await undiciRequest(`${server.url}${req.url}`, {
        dispatcher,
        method: req.method,
        headers: req.headers,
        ...(req.payload && req.method !== 'GET' && req.method !== 'HEAD' ? { body: req.payload } : {}),
      });
      const body = await res.body.text();
      server.deps.faults.clear();
      answered++;
      const problem = answerProblem({ status: res.statusCode, headers: res.headers as Answer['headers'], body }, server.url);
      if (problem) failures.push(`${problem}: ${describe(req)}`);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (CLIENT_SIDE.has(code)) notSendable++;
      else failures.push(`connection failed (${code} ${(err as Error).message}): ${describe(req)}`);
    }
  };
  for (let i = 0; i < requests.length; i += 8) await Promise.all(requests.slice(i, i + 8).map(one));
  t.comment(`${answered} answered over the socket, ${notSendable} refused by undici before sending`);
  t.same(failures.slice(0, 15), [], `no dropped connection or bad answer (${failures.length} found)`);
  t.ok(answered >= 250, `most requests were sent (${answered})`);

  // Bytes no HTTP client would send: Node's parser or Fastify must still answer each, below 500.
  const raw = [
    'GET /login?client_id=\xff\xfe%zz HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /oauth2/authorize HTTP/1.1\r\nHost: x\r\nX-Bad\x01Header: 1\r\n\r\n',
    'POST /oauth2/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: ' +
      'chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}{}{}{',
    `GET /login HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`,
    'GARBAGE\r\n\r\n',
    'GET /health HTTP/9.9\r\nHost: x\r\n\r\n',
    'POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 12\r\n\r\na=%ff%fe&b=\xff',
  ];
  for (const bytes of raw) {
    const answer = await rawExchange(server.port, Buffer.from(bytes, 'latin1'));
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1]);
    t.ok(status >= 200 && status < 500, `raw ${JSON.stringify(bytes.slice(0, 50))} → ${answer.split('\r\n')[0] ?? '(nothing)'}`);
  }

  const health = await undiciRequest(`${server.url}/health`, { dispatcher });
  t.equal(health.statusCode, 200, '/health still 200 over the socket');
  t.same(await health.body.json(), { status: 'ok' });
});

/** Sends raw bytes and returns whatever comes back before the server closes (or 10 s pass). */
function rawExchange(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, 10_000);
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      if (/\r\n\r\n/.test(answer)) setTimeout(done, 50);
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

t.test('afterwards: no prototype was polluted', async (t) => {
  t.same(prototypes(), PROTOTYPES_BEFORE, 'Object/Array/Function/String/Number prototypes have the same own properties');
  t.equal(({} as Record<string, unknown>).polluted, undefined);
  t.equal(([] as unknown as Record<string, unknown>).polluted, undefined);
  t.equal(Object.prototype.toString.call({}), '[object Object]');
});
