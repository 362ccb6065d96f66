// SignUp, ConfirmSignUp and ResendConfirmationCode (unsigned, by ClientId; SECRET_HASH for clients
// with a secret) through the real AWS SDK against a listening emulator.
import {
  AdminGetUserCommand,
  ConfirmSignUpCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  type SignUpCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { rejectsWith } from '../helpers/sdk.js';
import {
  ALIAS_CLIENT,
  EMAIL_CLIENT,
  EMAIL_POOL_ID,
  HIDDEN_CLIENT,
  LIMITED_CLIENT,
  PLAIN_CLIENT,
  PLAIN_POOL_ID,
  POOL_ID,
  PUBLIC_CLIENT,
  SECRET_CLIENT,
} from '../helpers/fixtures/index.js';
import { lastCode, messages, secretHashFor, startUsersServer } from '../helpers/users.js';

const { sdk, url, deps, clock } = await startUsersServer(t);
const PASSWORD = 'Sign-Up-Passw0rd';

const signUp = (input: Partial<SignUpCommandInput> & { Username: string }) =>
  sdk.send(
    new SignUpCommand({
      ClientId: PUBLIC_CLIENT,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: `${input.Username.replace(/@.*/, '')}@example.com` }],
      ...input,
    }),
  );
const userOf = (username: string, poolId = POOL_ID) => sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));

t.test('SignUp → UNCONFIRMED with a code; ConfirmSignUp confirms and verifies the email', async (t) => {
  const out = await signUp({
    Username: 'ivy',
    UserAttributes: [
      { Name: 'email', Value: 'ivy@example.com' },
      { Name: 'given_name', Value: 'Ivy' },
    ],
  });
  t.equal(out.UserConfirmed, false);
  t.same(out.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'i***@e***' });
  const user = await userOf('ivy');
  t.equal(user.UserStatus, 'UNCONFIRMED');
  t.equal(out.UserSub, user.UserAttributes?.find((a) => a.Name === 'sub')?.Value);
  t.ok(await deps.credentials.verify(deps.store.getUser(POOL_ID, 'ivy')!, PASSWORD), 'password set');
  const [sent] = await messages(url, { userPoolId: POOL_ID, username: 'ivy' });
  t.match(sent, { trigger: 'SignUp', deliveryMedium: 'EMAIL', destination: 'ivy@example.com', code: /^\d{6}$/ });

  const wrong = sent!.code === '000000' ? '111111' : '000000';
  await rejectsWith(
    t,
    sdk.send(new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'ivy', ConfirmationCode: wrong })),
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
  await sdk.send(new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'ivy', ConfirmationCode: sent!.code }));
  const confirmed = await userOf('ivy');
  t.equal(confirmed.UserStatus, 'CONFIRMED');
  t.equal(confirmed.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value, 'true');
  await rejectsWith(
    t,
    sdk.send(new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'ivy', ConfirmationCode: sent!.code })),
    'NotAuthorizedException',
    'User cannot be confirmed. Current status is CONFIRMED',
  );
});

t.test('SignUp failures', async (t) => {
  await rejectsWith(t, signUp({ Username: 'alice' }), 'UsernameExistsException', 'User already exists');
  await rejectsWith(
    t,
    signUp({ Username: 'weak', Password: 'weakpass' }),
    'InvalidPasswordException',
    'Password did not conform with password policy: Password must have uppercase characters',
  );
  await rejectsWith(
    t,
    signUp({ Username: 'odd', UserAttributes: [{ Name: 'hat', Value: 'top' }] }),
    'InvalidParameterException',
    'Attributes did not conform to the schema: hat: Attribute does not exist in the schema.',
  );
  await rejectsWith(
    t,
    signUp({
      Username: 'self-verified',
      UserAttributes: [
        { Name: 'email', Value: 'sv@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
    'NotAuthorizedException',
    'A client attempted to write unauthorized attribute',
  );
  await rejectsWith(
    t,
    signUp({ Username: 'limited', ClientId: LIMITED_CLIENT, UserAttributes: [{ Name: 'family_name', Value: 'X' }] }),
    'NotAuthorizedException',
    'A client attempted to write unauthorized attribute',
  );
  await rejectsWith(
    t,
    signUp({ Username: 'nopass', Password: undefined }),
    'InvalidParameterException',
    "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null",
  );
  await rejectsWith(
    t,
    signUp({ Username: 'lost', ClientId: 'unknownclient0000000000000' }),
    'ResourceNotFoundException',
    'User pool client unknownclient0000000000000 does not exist.',
  );
  for (const name of ['weak', 'odd', 'self-verified', 'limited', 'nopass', 'lost'])
    t.equal(deps.store.getUser(POOL_ID, name), undefined, `${name} not created`);
  t.ok(
    await signUp({ Username: 'limited-ok', ClientId: LIMITED_CLIENT, UserAttributes: [{ Name: 'given_name', Value: 'Ok' }] }),
    'allowed attributes pass',
  );
});

t.test('concurrent sign-ups of one username: exactly one wins', async (t) => {
  const results = await Promise.allSettled([1, 2, 3].map(() => signUp({ Username: 'racer' })));
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  for (const r of results) {
    if (r.status === 'rejected') t.match(r.reason, { name: 'UsernameExistsException', message: 'User already exists' });
  }
  t.equal((await messages(url, { userPoolId: POOL_ID, username: 'racer' })).length, 1, 'one code sent');
});

t.test('SECRET_HASH for clients with a secret', async (t) => {
  await rejectsWith(
    t,
    signUp({ Username: 'jack', ClientId: SECRET_CLIENT }),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
  );
  await rejectsWith(
    t,
    signUp({ Username: 'jack', ClientId: SECRET_CLIENT, SecretHash: secretHashFor('someone-else') }),
    'NotAuthorizedException',
    `Unable to verify secret hash for client ${SECRET_CLIENT}`,
  );
  await signUp({ Username: 'jack', ClientId: SECRET_CLIENT, SecretHash: secretHashFor('jack') });
  const code = await lastCode(url, POOL_ID, 'jack');
  await rejectsWith(
    t,
    sdk.send(new ConfirmSignUpCommand({ ClientId: SECRET_CLIENT, Username: 'jack', ConfirmationCode: code })),
    'NotAuthorizedException',
    `Client ${SECRET_CLIENT} is configured with secret but SECRET_HASH was not received`,
  );
  await rejectsWith(
    t,
    sdk.send(new ResendConfirmationCodeCommand({ ClientId: SECRET_CLIENT, Username: 'jack', SecretHash: 'AAAA' })),
    'NotAuthorizedException',
    `Unable to verify secret hash for client ${SECRET_CLIENT}`,
  );
  await sdk.send(
    new ConfirmSignUpCommand({ ClientId: SECRET_CLIENT, Username: 'jack', ConfirmationCode: code, SecretHash: secretHashFor('jack') }),
  );
  t.equal((await userOf('jack')).UserStatus, 'CONFIRMED');
});

t.test('codes expire after 24 hours', async (t) => {
  await signUp({ Username: 'kim' });
  const code = await lastCode(url, POOL_ID, 'kim');
  clock.offsetMs += 24 * 3600_000 + 1000;
  t.teardown(() => {
    clock.offsetMs -= 24 * 3600_000 + 1000;
  });
  await rejectsWith(
    t,
    sdk.send(new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'kim', ConfirmationCode: code })),
    'ExpiredCodeException',
    'Invalid code provided, please request a code again.',
  );
  // A resent code works and replaces the old one.
  const resent = await sdk.send(new ResendConfirmationCodeCommand({ ClientId: PUBLIC_CLIENT, Username: 'kim' }));
  t.same(resent.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'k***@e***' });
  const fresh = await lastCode(url, POOL_ID, 'kim');
  t.match((await messages(url, { userPoolId: POOL_ID, username: 'kim' })).at(-1), { trigger: 'ResendConfirmationCode' });
  if (fresh !== code) {
    await rejectsWith(
      t,
      sdk.send(new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'kim', ConfirmationCode: code })),
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    );
  }
  await sdk.send(new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'kim', ConfirmationCode: fresh }));
  t.equal((await userOf('kim')).UserStatus, 'CONFIRMED');
});

t.test('ResendConfirmationCode / ConfirmSignUp failures', async (t) => {
  await rejectsWith(
    t,
    sdk.send(new ResendConfirmationCodeCommand({ ClientId: PUBLIC_CLIENT, Username: 'alice' })),
    'InvalidParameterException',
    'User is already confirmed.',
  );
  await rejectsWith(
    t,
    sdk.send(new ResendConfirmationCodeCommand({ ClientId: PUBLIC_CLIENT, Username: 'ghost' })),
    'UserNotFoundException',
    'Username/client id combination not found.',
  );
  await rejectsWith(
    t,
    sdk.send(new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'ghost', ConfirmationCode: '123456' })),
    'UserNotFoundException',
    'Username/client id combination not found.',
  );
  // dave (a fixture user) was never sent a code.
  await rejectsWith(
    t,
    sdk.send(new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'dave', ConfirmationCode: '123456' })),
    'ExpiredCodeException',
    'Invalid code provided, please request a code again.',
  );
  // PreventUserExistenceErrors ENABLED: unknown users look like known ones.
  const hidden = await sdk.send(new ResendConfirmationCodeCommand({ ClientId: HIDDEN_CLIENT, Username: 'ghost' }));
  t.same(hidden.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'g***@e***' });
  await rejectsWith(
    t,
    sdk.send(new ConfirmSignUpCommand({ ClientId: HIDDEN_CLIENT, Username: 'ghost', ConfirmationCode: '123456' })),
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
});

t.test('a pool that auto-verifies nothing sends no code', async (t) => {
  const out = await signUp({ Username: 'lea', ClientId: PLAIN_CLIENT });
  t.equal(out.CodeDeliveryDetails, undefined);
  t.same(await messages(url, { userPoolId: PLAIN_POOL_ID }), []);
  await rejectsWith(
    t,
    sdk.send(new ResendConfirmationCodeCommand({ ClientId: PLAIN_CLIENT, Username: 'lea' })),
    'InvalidParameterException',
    'Cannot resend codes. Auto verification not turned on.',
  );
});

t.test('email-as-username pool: the email signs up, the sub is the username', async (t) => {
  const out = await signUp({ Username: 'mia@example.com', ClientId: EMAIL_CLIENT, UserAttributes: [] });
  const user = deps.store.findUserByAttribute(EMAIL_POOL_ID, 'email', 'mia@example.com')!;
  t.equal(user.Username, out.UserSub);
  t.equal(user.Attributes.sub, out.UserSub);
  const code = await lastCode(url, EMAIL_POOL_ID, 'mia@example.com');
  await sdk.send(new ConfirmSignUpCommand({ ClientId: EMAIL_CLIENT, Username: 'mia@example.com', ConfirmationCode: code }));
  t.equal((await userOf('mia@example.com', EMAIL_POOL_ID)).UserStatus, 'CONFIRMED');
  await rejectsWith(
    t,
    signUp({ Username: 'mia@example.com', ClientId: EMAIL_CLIENT, UserAttributes: [] }),
    'UsernameExistsException',
    'An account with the given email already exists.',
  );
  await rejectsWith(
    t,
    signUp({ Username: 'mia', ClientId: EMAIL_CLIENT, UserAttributes: [] }),
    'InvalidParameterException',
    'Username should be an email.',
  );
});

t.test('alias pool: confirming a second holder of a verified email fails', async (t) => {
  await signUp({ Username: 'frankie', ClientId: ALIAS_CLIENT, UserAttributes: [{ Name: 'email', Value: 'frank@example.com' }] });
  const code = await lastCode(url, 'us-west-2_AliasPool', 'frankie');
  await rejectsWith(
    t,
    sdk.send(new ConfirmSignUpCommand({ ClientId: ALIAS_CLIENT, Username: 'frankie', ConfirmationCode: code })),
    'AliasExistsException',
    'An account with the given email already exists.',
  );
});
