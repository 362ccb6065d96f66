// Session configuration through the real AWS SDK: Get/SetUserPoolSessionConfiguration and
// Get/SetUserPoolClientSessionConfiguration, Cognito's defaults and refusals, and the effect on
// the hosted pages: with session tracking on, an app client reuses the hosted-page session only for
// its SSOSession.MaxValidityMinutes, and the session lives as long as the longest of those.
import {
  GetUserPoolClientSessionConfigurationCommand,
  GetUserPoolSessionConfigurationCommand,
  SetUserPoolClientSessionConfigurationCommand,
  SetUserPoolSessionConfigurationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { CALLBACK, POOL_ID, PUBLIC_CLIENT, SECRET_CLIENT } from '../helpers/fixtures/index.js';
import { authorizeQuery, signIn } from '../helpers/flow.js';
import { cookieAttributes, getWithSession, setCookieLine } from '../helpers/oauth-flow.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';

const { url, app, clock } = await testEmulator(t, { listen: true });
const sdk = sdkClient(url);
t.teardown(() => sdk.destroy());

/** Whether /oauth2/authorize with this session goes straight back to the app (true) or to /login. */
async function reused(sessionId: string): Promise<boolean> {
  const res = await getWithSession(app, `/oauth2/authorize?${authorizeQuery()}`, sessionId);
  return String(res.headers.location).startsWith(CALLBACK);
}

t.test('defaults until set', async (t) => {
  t.same(await sdk.send(new GetUserPoolSessionConfigurationCommand({ UserPoolId: POOL_ID })).then(({ $metadata, ...rest }) => rest), {
    UserPoolId: POOL_ID,
    UserSessionTracking: 'DISABLED',
    TokenSession: { MaxPerUser: 20 },
  });
  t.same(
    await sdk
      .send(new GetUserPoolClientSessionConfigurationCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT }))
      .then(({ $metadata, ...rest }) => rest),
    { UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT, SSOSession: { MaxValidityMinutes: 60 } },
  );
});

t.test('a client setting needs session tracking on', async (t) => {
  await rejectsWith(
    t,
    sdk.send(
      new SetUserPoolClientSessionConfigurationCommand({
        UserPoolId: POOL_ID,
        ClientId: PUBLIC_CLIENT,
        SSOSession: { MaxValidityMinutes: 10 },
      }),
    ),
    'OperationNotEnabledException',
    `Session tracking is not enabled for user pool ${POOL_ID}.`,
  );
});

t.test('set, read back, and applied to the hosted-page session', async (t) => {
  const set = await sdk.send(
    new SetUserPoolSessionConfigurationCommand({ UserPoolId: POOL_ID, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 5 } }),
  );
  t.same(
    { ...set, $metadata: undefined },
    { UserPoolId: POOL_ID, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 5 }, $metadata: undefined },
  );
  t.equal((await sdk.send(new GetUserPoolSessionConfigurationCommand({ UserPoolId: POOL_ID }))).TokenSession?.MaxPerUser, 5);

  const client = await sdk.send(
    new SetUserPoolClientSessionConfigurationCommand({
      UserPoolId: POOL_ID,
      ClientId: PUBLIC_CLIENT,
      SSOSession: { MaxValidityMinutes: 10 },
    }),
  );
  t.same(client.SSOSession, { MaxValidityMinutes: 10 });
  t.same((await sdk.send(new GetUserPoolClientSessionConfigurationCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT }))).SSOSession, {
    MaxValidityMinutes: 10,
  });
  t.same(
    (await sdk.send(new GetUserPoolClientSessionConfigurationCommand({ UserPoolId: POOL_ID, ClientId: SECRET_CLIENT }))).SSOSession,
    { MaxValidityMinutes: 60 },
    'other clients keep the default',
  );

  const { cookies } = await signIn(app);
  t.ok(await reused(cookies.cognito!), 'reused within 10 minutes');
  clock.offsetMs += 11 * 60_000;
  t.notOk(await reused(cookies.cognito!), 'not after 10 minutes: the page asks again');

  await sdk.send(
    new SetUserPoolClientSessionConfigurationCommand({
      UserPoolId: POOL_ID,
      ClientId: PUBLIC_CLIENT,
      SSOSession: { MaxValidityMinutes: 0 },
    }),
  );
  const again = await signIn(app);
  t.notOk(await reused(again.cookies.cognito!), '0: never reused');

  await sdk.send(
    new SetUserPoolClientSessionConfigurationCommand({
      UserPoolId: POOL_ID,
      ClientId: PUBLIC_CLIENT,
      SSOSession: { MaxValidityMinutes: 1440 },
    }),
  );
  const day = await signIn(app);
  t.equal(
    cookieAttributes(setCookieLine(day.res, 'cognito'))['max-age'],
    '86400',
    'the session cookie lives as long as the longest client setting',
  );
  clock.offsetMs += 5 * 3600_000;
  t.ok(await reused(day.cookies.cognito!), 'reused after 5 hours with a one-day setting');

  await sdk.send(
    new SetUserPoolSessionConfigurationCommand({ UserPoolId: POOL_ID, UserSessionTracking: 'DISABLED', TokenSession: { MaxPerUser: 20 } }),
  );
  t.same(
    (await sdk.send(new GetUserPoolClientSessionConfigurationCommand({ UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT }))).SSOSession,
    { MaxValidityMinutes: 1440 },
    'client settings are kept, dormant, while tracking is off',
  );
  const plain = await signIn(app);
  t.equal(cookieAttributes(setCookieLine(plain.res, 'cognito'))['max-age'], '3600', 'without tracking: the one-hour session');
});

t.test('Cognito refuses', async (t) => {
  const raw = async (op: string, body: object) => {
    const res = await fetch(url, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${op}` },
    });
    return { status: res.status, body: (await res.json()) as { __type: string; message: string } };
  };
  t.same(
    await raw('SetUserPoolSessionConfiguration', {
      UserPoolId: POOL_ID,
      UserSessionTracking: 'ENABLED',
      TokenSession: { MaxPerUser: 101 },
    }),
    {
      status: 400,
      body: {
        __type: 'InvalidParameterException',
        message:
          "1 validation error detected: Value '101' at 'tokenSession.maxPerUser' failed to satisfy constraint: Member must have " +
          'value less than or equal to 100',
      },
    },
  );
  t.same(
    (await raw('SetUserPoolSessionConfiguration', { UserPoolId: POOL_ID, UserSessionTracking: 'ON', TokenSession: { MaxPerUser: 1 } })).body
      .__type,
    'InvalidParameterException',
  );
  t.same((await raw('SetUserPoolSessionConfiguration', { UserPoolId: POOL_ID, UserSessionTracking: 'ENABLED' })).body, {
    __type: 'InvalidParameterException',
    message: "1 validation error detected: Value null at 'tokenSession' failed to satisfy constraint: Member must not be null",
  });
  t.same(
    (
      await raw('SetUserPoolClientSessionConfiguration', {
        UserPoolId: POOL_ID,
        ClientId: PUBLIC_CLIENT,
        SSOSession: { MaxValidityMinutes: -1 },
      })
    ).body.__type,
    'InvalidParameterException',
  );
  await rejectsWith(
    t,
    sdk.send(new GetUserPoolSessionConfigurationCommand({ UserPoolId: 'us-east-1_Missing000' })),
    'ResourceNotFoundException',
    'User pool us-east-1_Missing000 does not exist.',
  );
  await rejectsWith(
    t,
    sdk.send(new GetUserPoolClientSessionConfigurationCommand({ UserPoolId: POOL_ID, ClientId: 'nosuchclient00000000000000' })),
    'ResourceNotFoundException',
    'User pool client nosuchclient00000000000000 does not exist.',
  );
});
