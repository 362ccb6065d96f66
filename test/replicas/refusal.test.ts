// With DATABASE_URL, an answer is sent only once the request's changes are committed; when the
// commit fails, the request is refused with the JSON API's 503 instead. Driven through buildApp with
// replica hooks whose commit fails on demand, so it needs no PostgreSQL.
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { POOL_ID } from '../helpers/fixtures/index.js';
import { testEmulator } from '../helpers/harness.js';

const emulator = await testEmulator(t);
let commitFails = false;
const app = buildApp({ ...emulator.deps, reset: emulator.reset }, false, {
  catchUp: async () => undefined,
  settled: () => (commitFails ? Promise.reject(new Error('connection terminated')) : Promise.resolve()),
});
t.teardown(() => app.close());

const describePool = () =>
  app.inject({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeUserPool' },
    payload: JSON.stringify({ UserPoolId: POOL_ID }),
  });

const REFUSAL = { __type: 'ServiceUnavailableException', message: 'The shared state database could not be reached.' };

t.test('a committed request is answered; an uncommitted one gets a 503 ServiceUnavailableException', async (t) => {
  t.equal((await describePool()).statusCode, 200);
  commitFails = true;
  t.teardown(() => {
    commitFails = false;
  });
  const refused = await describePool();
  t.equal(refused.statusCode, 503);
  t.same(refused.json(), REFUSAL);
  t.equal(refused.headers['x-amzn-errortype'], 'ServiceUnavailableException:', 'the AWS SDKs read the error name here');
  t.match(refused.headers['content-type'], /^application\/x-amz-json-1\.1/);
});

t.test('the refusal is the same on every path: the answer it replaces was already made', async (t) => {
  commitFails = true;
  t.teardown(() => {
    commitFails = false;
  });
  const health = await app.inject({ method: 'GET', url: '/health' });
  t.equal(health.statusCode, 503);
  t.same(health.json(), REFUSAL);
});
