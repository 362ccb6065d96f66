// ForgotPassword and ConfirmForgotPassword (unsigned, by ClientId) through the real AWS SDK
// against a listening emulator.
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { rejectsWith } from '../helpers/sdk.js';
import { EMAIL_CLIENT, EMAIL_POOL_ID, HIDDEN_CLIENT, POOL_ID, PUBLIC_CLIENT, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { lastCode, messages, secretHashFor, startUsersServer } from '../helpers/users.js';

const { sdk, url, deps, clock } = await startUsersServer(t);

const createVerified = (username: string, extra: Array<{ Name: string; Value: string }> = []) =>
  sdk
    .send(
      new AdminCreateUserCommand({
        UserPoolId: POOL_ID,
        Username: username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: 'Temp-Passw0rd',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }, { Name: 'email_verified', Value: 'true' }, ...extra],
      }),
    )
    .then(() => deps.store.putUser({ ...deps.store.getUser(POOL_ID, username)!, UserStatus: 'CONFIRMED' }));
const confirm = (username: string, code: string, password = 'Reset-Passw0rd', clientId = PUBLIC_CLIENT) =>
  sdk.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: username, ConfirmationCode: code, Password: password }));

t.test('ForgotPassword → code to the verified email → ConfirmForgotPassword sets the password', async (t) => {
  const out = await sdk.send(new ForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: 'alice' }));
  t.same(out.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***' });
  const [sent] = await messages(url, { userPoolId: POOL_ID, username: 'alice' });
  t.match(sent, { trigger: 'ForgotPassword', deliveryMedium: 'EMAIL', destination: 'alice@example.com', code: /^\d{6}$/ });
  const code = sent!.code!;
  await rejectsWith(
    t,
    confirm('alice', code === '999999' ? '999998' : '999999'),
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
  await rejectsWith(
    t,
    confirm('alice', code, 'short'),
    'InvalidPasswordException',
    'Password did not conform with password policy: Password not long enough',
  );
  await confirm('alice', code);
  const alice = deps.store.getUser(POOL_ID, 'alice')!;
  t.ok(await deps.credentials.verify(alice, 'Reset-Passw0rd'), 'new password');
  t.notOk(await deps.credentials.verify(alice, 'Passw0rd!'), 'old password gone');
  t.equal(alice.UserStatus, 'CONFIRMED');
  await rejectsWith(t, confirm('alice', code), 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
});

t.test('a verified phone number is preferred, and reset codes last one hour', async (t) => {
  await createVerified('nina', [
    { Name: 'phone_number', Value: '+15555550142' },
    { Name: 'phone_number_verified', Value: 'true' },
  ]);
  const out = await sdk.send(new ForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: 'nina' }));
  t.same(out.CodeDeliveryDetails, { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: '+*******0142' });
  const code = await lastCode(url, POOL_ID, 'nina');
  clock.offsetMs += 3600_000 + 1000;
  t.teardown(() => {
    clock.offsetMs -= 3600_000 + 1000;
  });
  await rejectsWith(t, confirm('nina', code), 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
});

t.test('ForgotPassword failures', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new ForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: 'bob' })),
    'NotAuthorizedException',
    'User password cannot be reset in the current state.',
  );
  await createVerified('olga');
  await deps.store.putUser({ ...deps.store.getUser(POOL_ID, 'olga')!, Attributes: { sub: 'olga-sub', email: 'olga@example.com' } });
  await rejectsWith(
    t,
    sdk.send(new ForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: 'olga' })),
    'InvalidParameterException',
    'Cannot reset password for the user as there is no registered/verified email or phone_number',
  );
  await createVerified('pam');
  await sdk.send(new AdminDisableUserCommand({ UserPoolId: POOL_ID, Username: 'pam' }));
  await rejectsWith(
    t,
    sdk.send(new ForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: 'pam' })),
    'NotAuthorizedException',
    'User is disabled.',
  );
  await rejectsWith(
    t,
    sdk.send(new ForgotPasswordCommand({ ClientId: PUBLIC_CLIENT, Username: 'ghost' })),
    'UserNotFoundException',
    'Username/client id combination not found.',
  );
  await rejectsWith(t, confirm('ghost', '123456'), 'UserNotFoundException', 'Username/client id combination not found.');
  await rejectsWith(t, confirm('dave', '123456'), 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
  await rejectsWith(
    t,
    sdk.send(new ForgotPasswordCommand({ ClientId: SECRET_CLIENT, Username: 'alice' })),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
  );
  t.same(await messages(url, { userPoolId: POOL_ID, username: 'olga' }), [], 'no code sent by a failed call');
});

t.test('PreventUserExistenceErrors ENABLED hides unknown users', async (t) => {
  const out = await sdk.send(new ForgotPasswordCommand({ ClientId: HIDDEN_CLIENT, Username: 'nobody@example.org' }));
  t.same(out.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'n***@e***' });
  await rejectsWith(
    t,
    confirm('nobody@example.org', '123456', 'Reset-Passw0rd', HIDDEN_CLIENT),
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
});

t.test('with a client secret and in an email-as-username pool', async (t) => {
  await createVerified('quinn');
  await sdk.send(new ForgotPasswordCommand({ ClientId: SECRET_CLIENT, Username: 'quinn', SecretHash: secretHashFor('quinn') }));
  const code = await lastCode(url, POOL_ID, 'quinn');
  await rejectsWith(
    t,
    confirm('quinn', code, 'Reset-Passw0rd', SECRET_CLIENT),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
  );
  await sdk.send(
    new ConfirmForgotPasswordCommand({
      ClientId: SECRET_CLIENT,
      Username: 'quinn',
      ConfirmationCode: code,
      Password: 'Reset-Passw0rd',
      SecretHash: secretHashFor('quinn'),
    }),
  );
  t.ok(await deps.credentials.verify(deps.store.getUser(POOL_ID, 'quinn')!, 'Reset-Passw0rd'));

  await sdk.send(new ForgotPasswordCommand({ ClientId: EMAIL_CLIENT, Username: 'erin@example.com' }));
  const emailCode = await lastCode(url, EMAIL_POOL_ID, 'erin@example.com');
  await confirm('erin@example.com', emailCode, 'Reset-Passw0rd', EMAIL_CLIENT);
  const erin = await sdk.send(new AdminGetUserCommand({ UserPoolId: EMAIL_POOL_ID, Username: 'erin@example.com' }));
  t.ok(await deps.credentials.verify(deps.store.getUser(EMAIL_POOL_ID, erin.Username!)!, 'Reset-Passw0rd'));
});
