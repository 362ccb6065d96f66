// AdminLinkProviderForUser / AdminDisableProviderForUser through the AWS SDK, and what a linked
// federated sign-in yields (the emulated Google provider, pre-selected).
import {
  AdminDisableProviderForUserCommand,
  AdminGetUserCommand,
  AdminLinkProviderForUserCommand,
  AdminInitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { decodeJwt } from 'jose';
import { CALLBACK, PASSWORD } from '../helpers/fixtures/index.js';
import { rejectsWith, sdkClient } from '../helpers/sdk.js';
import { testEmulator } from '../helpers/harness.js';
import { DOWN_CLIENT, DOWN_POOL, GOOGLE_SUB, authorizeUrl, downstreamFixture, follow } from '../helpers/federation.js';

const down = await testEmulator(t, { listen: true, fixture: downstreamFixture() });
const sdk = sdkClient(down.url);
t.teardown(() => sdk.destroy());

const googleSignIn = async (sub: string): Promise<Record<string, unknown>> => {
  down.deps.federations.select(DOWN_POOL, 'Google', { sub, email: `${sub}@gmail.example`, given_name: 'G' });
  const callback = await follow(await follow(await follow(authorizeUrl(down, { identity_provider: 'Google' }))));
  const response = await fetch(`${down.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: DOWN_CLIENT,
      redirect_uri: CALLBACK,
      code: callback.searchParams.get('code') ?? '',
    }),
  });
  const body = (await response.json()) as { id_token?: string };
  if (!body.id_token) throw new Error(`no tokens: ${callback.href} ${JSON.stringify(body)}`);
  return decodeJwt(body.id_token);
};
const attributes = async (username: string) =>
  Object.fromEntries(
    ((await sdk.send(new AdminGetUserCommand({ UserPoolId: DOWN_POOL, Username: username }))).UserAttributes ?? []).map((a) => [
      a.Name,
      a.Value,
    ]),
  );
const link = (sub: string, username = 'native', attributeName = 'Cognito_Subject') =>
  sdk.send(
    new AdminLinkProviderForUserCommand({
      UserPoolId: DOWN_POOL,
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: username },
      SourceUser: { ProviderName: 'Google', ProviderAttributeName: attributeName, ProviderAttributeValue: sub },
    }),
  );

t.test('a linked Google identity signs in as the native user', async (t) => {
  await link(GOOGLE_SUB);
  await link(GOOGLE_SUB); // the same link again changes nothing
  const identities = JSON.parse((await attributes('native')).identities ?? '[]') as unknown[];
  t.match(identities, [
    { userId: GOOGLE_SUB, providerName: 'Google', providerType: 'Google', issuer: null, primary: false, dateCreated: Number },
  ]);
  t.equal(identities.length, 1);
  const claims = await googleSignIn(GOOGLE_SUB);
  t.equal(claims['cognito:username'], 'native');
  t.equal(claims.email, 'native@example.com', 'the native profile');
  t.match(claims.identities, [{ userId: GOOGLE_SUB, providerName: 'Google', primary: 'false' }]);
  t.equal(down.deps.store.getUser(DOWN_POOL, `google_${GOOGLE_SUB}`), undefined, 'no federated user was created');
});

t.test('refusals', async (t) => {
  const unlinked = '999';
  await googleSignIn(unlinked);
  await rejectsWith(
    t,
    link(unlinked),
    'InvalidParameterException',
    'Merging is not currently supported, provide a SourceUser that has not been signed up in order to link',
  );
  await rejectsWith(
    t,
    link('1', 'native', 'email'),
    'InvalidParameterException',
    'ProviderAttributeName must be Cognito_Subject for social identity providers.',
  );
  await rejectsWith(t, link('1', 'nobody'), 'UserNotFoundException', 'User does not exist.');
  await rejectsWith(t, link('1', 'google_999'), 'InvalidParameterException', 'DestinationUser must be a native Cognito user.');
  for (const sub of ['2', '3', '4', '5']) await link(sub);
  await rejectsWith(t, link('6'), 'LimitExceededException', 'A user can have at most 5 linked identities.');
});

t.test('AdminDisableProviderForUser', async (t) => {
  await sdk.send(
    new AdminDisableProviderForUserCommand({
      UserPoolId: DOWN_POOL,
      User: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: GOOGLE_SUB },
    }),
  );
  t.notOk(down.deps.store.getUser(DOWN_POOL, 'native')?.LinkedIdentities?.some((l) => l.ProviderAttributeValue === GOOGLE_SUB));
  t.notMatch((await attributes('native')).identities ?? '', GOOGLE_SUB);
  const claims = await googleSignIn(GOOGLE_SUB);
  t.equal(claims['cognito:username'], `google_${GOOGLE_SUB}`, 'without the link the identity gets its own user');

  await sdk.send(
    new AdminDisableProviderForUserCommand({
      UserPoolId: DOWN_POOL,
      User: { ProviderName: 'Cognito', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: 'native' },
    }),
  );
  await rejectsWith(
    t,
    sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: DOWN_POOL,
        ClientId: DOWN_CLIENT,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'native', PASSWORD },
      }),
    ),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new AdminDisableProviderForUserCommand({
        UserPoolId: DOWN_POOL,
        User: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: 'nobody' },
      }),
    ),
    'UserNotFoundException',
    'User does not exist.',
  );
});
