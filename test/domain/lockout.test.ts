// Password lockout on its own (src/domain/lockout.ts): five free failures, then a lock of 1 s that
// doubles with each further failure up to 15 minutes; a success resets the count.
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
import t from 'tap';
import { Lockout } from '../../src/domain/lockout.js';

const alice = { UserPoolId: 'us-east-1_A', Username: 'alice' };
const bob = { UserPoolId: 'us-east-1_A', Username: 'bob' };

function clocked() {
  let now = 1_000_000;
  const lockout = new Lockout(() => now);
  return { lockout, advance: (ms: number) => (now += ms) };
}

t.test('five failures are free; the fifth locks for 1 s', async (t) => {
  const { lockout, advance } = clocked();
  for (let i = 1; i <= 4; i++) {
    lockout.recordFailure(alice);
    t.notOk(lockout.isLocked(alice), `after ${i} failure(s)`);
  }
  lockout.recordFailure(alice);
  t.ok(lockout.isLocked(alice), 'after 5');
  advance(999);
  t.ok(lockout.isLocked(alice), 'still at 999 ms');
  advance(1);
  t.notOk(lockout.isLocked(alice), 'free at 1 s');
});

t.test('each further failure doubles the lock, up to 15 minutes', async (t) => {
  const { lockout, advance } = clocked();
  for (let i = 0; i < 5; i++) lockout.recordFailure(alice);
  const expected = [2000, 4000, 8000];
  for (const ms of expected) {
    advance(60 * 60 * 1000);
    lockout.recordFailure(alice);
    advance(ms - 1);
    t.ok(lockout.isLocked(alice), `locked just before ${ms} ms`);
    advance(1);
    t.notOk(lockout.isLocked(alice), `free at ${ms} ms`);
  }
  for (let i = 0; i < 20; i++) lockout.recordFailure(alice);
  advance(15 * 60 * 1000 - 1);
  t.ok(lockout.isLocked(alice), 'capped lock still on just before 15 minutes');
  advance(1);
  t.notOk(lockout.isLocked(alice), 'never longer than 15 minutes');
});

t.test('a success resets the count; users and pools are counted apart', async (t) => {
  const { lockout } = clocked();
  for (let i = 0; i < 4; i++) lockout.recordFailure(alice);
  lockout.recordSuccess(alice);
  lockout.recordFailure(alice);
  t.notOk(lockout.isLocked(alice), 'one failure after a success');
  for (let i = 0; i < 5; i++) lockout.recordFailure(bob);
  t.ok(lockout.isLocked(bob));
  t.notOk(lockout.isLocked(alice), 'bob locked, alice not');
  t.notOk(lockout.isLocked({ UserPoolId: 'us-east-1_B', Username: 'bob' }), 'same name in another pool');
  lockout.clear();
  t.notOk(lockout.isLocked(bob), 'clear() forgets every counter');
});
