// Authorization codes: in memory only, consumed once, purged when expired.
import t from 'tap';
import { AuthorizationCodes } from '../../src/state/authorization-codes.js';

t.test('one-time codes: consumed once, purged when expired', async (t) => {
  let now = 0;
  const codes = new AuthorizationCodes(() => now);
  const code = {
    code: 'c1',
    userPoolId: 'us-east-1_Pool',
    clientId: 'x',
    redirectUri: 'http://x',
    username: 'alice',
    scopes: [],
    authTime: 0,
    expiresAt: 1000,
  };
  codes.save(code);
  t.same(codes.list(), [code], 'listed');
  t.same(await codes.consume('c1'), code);
  t.equal(await codes.consume('c1'), undefined, 'second consume finds nothing');
  codes.save({ ...code, code: 'c2' });
  now = 999;
  codes.purge();
  t.equal((await codes.consume('c2'))?.code, 'c2', 'not purged before expiry');
  codes.save({ ...code, code: 'c3' });
  now = 1000;
  codes.purge();
  t.equal(await codes.consume('c3'), undefined, 'purged at expiry');
  codes.save({ ...code, code: 'c4' });
  codes.clear();
  t.same(codes.list(), [], 'cleared');
});
