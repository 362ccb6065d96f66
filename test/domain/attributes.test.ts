// User attribute rules on their own (src/domain/attributes.ts): known names, the list ↔ map shapes
// and the verification flags.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
import t from 'tap';
import { attributeList, attributeMap, flagValue, isKnownAttribute } from '../../src/domain/attributes.js';
import { STANDARD_ATTRIBUTES } from '../helpers/standard-attributes.js';

t.test('isKnownAttribute: the standard names, custom: and dev:custom: names of 1-20 characters', async (t) => {
  for (const name of STANDARD_ATTRIBUTES) t.ok(isKnownAttribute(name), name);
  t.ok(isKnownAttribute('custom:tier'));
  t.ok(isKnownAttribute('dev:custom:legacy'));
  t.ok(isKnownAttribute(`custom:${'x'.repeat(20)}`), '20 characters');
  t.notOk(isKnownAttribute(`custom:${'x'.repeat(21)}`), '21 characters');
  t.notOk(isKnownAttribute('custom:'), 'empty custom name');
  t.notOk(isKnownAttribute('shoe_size'), 'neither standard nor custom');
  t.notOk(isKnownAttribute('Email'), 'names are case-sensitive');
});

t.test('attributeMap: later entries win, a missing Value is empty, names stay data', async (t) => {
  t.same(attributeMap(undefined), {});
  t.same(attributeMap([{ Name: 'email', Value: 'a@example.com' }, { Name: 'email', Value: 'b@example.com' }, { Name: 'nickname' }]), {
    email: 'b@example.com',
    nickname: '',
  });
  const hostile = attributeMap([{ Name: '__proto__', Value: 'x' }]);
  t.equal(Object.getPrototypeOf(hostile), Object.prototype, '__proto__ is an own key, not the prototype');
  t.equal(Object.getOwnPropertyDescriptor(hostile, '__proto__')?.value, 'x');
});

t.test('flagValue: email_verified / phone_number_verified take true/false in any case, reported in lower case', async (t) => {
  t.equal(flagValue('email_verified', 'True'), 'true');
  t.equal(flagValue('phone_number_verified', 'FALSE'), 'false');
  t.equal(flagValue('email_verified', 'yes'), 'yes', 'other values are left for the schema check to refuse');
  t.equal(flagValue('nickname', 'TRUE'), 'TRUE', 'only the verification flags');
  t.same(attributeMap([{ Name: 'email_verified', Value: 'TRUE' }]), { email_verified: 'true' });
});

t.test('attributeList: the map back as [{Name, Value}] in insertion order', async (t) => {
  t.same(attributeList({ sub: 's', email: 'e' }), [
    { Name: 'sub', Value: 's' },
    { Name: 'email', Value: 'e' },
  ]);
});
