// The SRP building blocks of src/domain/srp.ts (SRP-6a as Cognito runs it), checked against published
// constants and against amazon-cognito-identity-js's own AuthenticationHelper.
import * as identity from 'amazon-cognito-identity-js';
import t from 'tap';
import { K_MULTIPLIER, N, createSrpVerifier, padHex, parseSrpA, parseSrpTimestamp, srpTimestamp } from '../../src/domain/srp.js';

t.test('constants: N is RFC 3526 group 15, k as the reference computes it', async (t) => {
  t.equal(N.toString(16).length, 768, '3072 bits');
  t.ok(N.toString(16).startsWith('ffffffffffffffffc90fdaa22168c234'));
  t.equal(K_MULTIPLIER.toString(16), '538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
});

t.test("padHex keeps numbers positive in two's complement", async (t) => {
  t.equal(padHex(0x14n), '14');
  t.equal(padHex(0xecn), '00ec');
  t.equal(padHex(0x1n), '01');
  t.equal(padHex(0x80n), '0080');
  t.equal(padHex(0x7fffn), '7fff');
  t.equal(padHex(0xabcn), '0abc');
});

t.test("the verifier matches the library's own g^x computation", async (t) => {
  // AuthenticationHelper.generateHashDevice computes v = g^H(salt | H(group + key + ":" + password))
  // for device keys: the user formula with poolName = group and username = key.
  const lib = identity as unknown as {
    AuthenticationHelper: new (
      pool: string,
    ) => {
      generateHashDevice(group: string, key: string, cb: (err: unknown) => void): void;
      getSaltDevices(): string;
      getVerifierDevices(): string;
      getRandomPassword(): string;
    };
  };
  const helper = new lib.AuthenticationHelper('TestPool1');
  for (let i = 0; i < 2; i++) {
    await new Promise<void>((resolve, reject) =>
      helper.generateHashDevice('TestPool1', `user${i}`, (err) => (err ? reject(err) : resolve())),
    );
    const ours = createSrpVerifier('TestPool1', `user${i}`, helper.getRandomPassword(), helper.getSaltDevices());
    t.equal(BigInt(`0x${ours.Verifier}`), BigInt(`0x${helper.getVerifierDevices()}`), `verifier ${i}`);
    t.equal(ours.Salt, BigInt(`0x${helper.getSaltDevices()}`).toString(16), 'salt as minimal hex');
  }
  const fresh = createSrpVerifier('TestPool1', 'alice', 'Passw0rd!');
  t.match(fresh.Salt, /^[1-9a-f][0-9a-f]{0,31}$/);
  t.not(createSrpVerifier('TestPool1', 'alice', 'Passw0rd!').Salt, fresh.Salt, 'random salts');
  t.not(createSrpVerifier('OtherPool', 'alice', 'Passw0rd!', fresh.Salt).Verifier, fresh.Verifier, 'the pool name counts');
  t.equal(createSrpVerifier('TestPool1', 'alice', 'Passw0rd!', fresh.Salt).Verifier, fresh.Verifier, 'deterministic for a salt');
});

t.test('SRP_A: hex, and never 0 mod N', async (t) => {
  t.equal(parseSrpA('0'), undefined);
  t.equal(parseSrpA(N.toString(16)), undefined);
  t.equal(parseSrpA((N * 3n).toString(16)), undefined);
  t.equal(parseSrpA('12zz'), undefined);
  t.equal(parseSrpA('f'.repeat(1025)), undefined, 'bounded length');
  t.equal(parseSrpA('0abc'), 0xabcn);
});

t.test('TIMESTAMP: EEE MMM d HH:mm:ss UTC yyyy, day not zero-padded', async (t) => {
  t.equal(srpTimestamp(Date.UTC(2026, 2, 3, 9, 5, 7)), 'Tue Mar 3 09:05:07 UTC 2026');
  t.equal(srpTimestamp(Date.UTC(2017, 9, 25, 19, 56, 23)), 'Wed Oct 25 19:56:23 UTC 2017');
  const lib = identity as unknown as { DateHelper: new () => { getNowString(): string } };
  const now = new lib.DateHelper().getNowString();
  const parsed = parseSrpTimestamp(now);
  t.ok(parsed !== undefined && Math.abs(parsed - Date.now()) < 5000, `the library's "${now}" parses`);
  t.equal(parseSrpTimestamp('Tue Mar 3 09:05:07 UTC 2026'), Date.UTC(2026, 2, 3, 9, 5, 7));
  t.equal(parseSrpTimestamp('Tue Mar 03 09:05:07 UTC 2026'), Date.UTC(2026, 2, 3, 9, 5, 7), 'a padded day is read too');
  for (const bad of [
    'Tue Feb 31 09:05:07 UTC 2026',
    'Tue Mar 3 25:05:07 UTC 2026',
    'Tue Mar 3 9:05:07 UTC 2026',
    '2026-03-03T09:05:07Z',
    'Tue Mar 3 09:05:07 GMT 2026',
    '',
  ]) {
    t.equal(parseSrpTimestamp(bad), undefined, `refused: "${bad}"`);
  }
});
