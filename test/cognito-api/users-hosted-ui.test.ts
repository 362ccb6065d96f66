// Users made or changed through the JSON API work at once on the OAuth endpoints, exactly like
// fixture users: hosted sign-in, tokens, and the access-token operations with hosted-UI tokens.
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  ConfirmSignUpCommand,
  GetUserCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { openLoginPage, signIn, signInForTokens, submitLogin } from '../helpers/flow.js';
import { rejectsWith } from '../helpers/sdk.js';
import { POOL_ID, PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { lastCode, startUsersServer } from '../helpers/users.js';

const { sdk, url, app } = await startUsersServer(t);
const SCOPE = 'openid email aws.cognito.signin.user.admin';

t.test('SignUp + ConfirmSignUp → hosted sign-in → GetUser with the hosted-UI access token', async (t) => {
  await sdk.send(
    new SignUpCommand({
      ClientId: PUBLIC_CLIENT,
      Username: 'wes',
      Password: 'Wes-Passw0rd',
      UserAttributes: [{ Name: 'email', Value: 'wes@example.com' }],
    }),
  );
  // Not confirmed yet: the hosted page refuses the sign-in.
  const page = await openLoginPage(app, { scope: SCOPE });
  const refused = await submitLogin(app, page, 'wes', 'Wes-Passw0rd');
  t.equal(refused.statusCode, 200, 'an unconfirmed user gets no code');
  t.match(refused.body, 'User is not confirmed.');

  await sdk.send(
    new ConfirmSignUpCommand({ ClientId: PUBLIC_CLIENT, Username: 'wes', ConfirmationCode: await lastCode(url, POOL_ID, 'wes') }),
  );
  const tokens = await signInForTokens(app, { username: 'wes', password: 'Wes-Passw0rd', scope: SCOPE });
  const out = await sdk.send(new GetUserCommand({ AccessToken: tokens.access_token }));
  t.equal(out.Username, 'wes');
  t.equal(out.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value, 'true');

  // GlobalSignOut does not end the hosted-UI session (its cookie is not a token), but the old token is refused.
  const session = await signIn(app, { username: 'wes', password: 'Wes-Passw0rd', scope: SCOPE });
  await sdk.send(new AdminUserGlobalSignOutCommand({ UserPoolId: POOL_ID, Username: 'wes' }));
  await rejectsWith(
    t,
    sdk.send(new GetUserCommand({ AccessToken: tokens.access_token })),
    'NotAuthorizedException',
    'Access Token has been revoked',
  );
  const cognito = session.cookies.cognito;
  t.ok(cognito, 'a session cookie was set');
  const again = await app.inject({
    url: `/oauth2/authorize?response_type=code&client_id=${PUBLIC_CLIENT}&redirect_uri\
=${encodeURIComponent('http://localhost:3000/callback')}`,
    cookies: { cognito: cognito! },
  });
  t.equal(again.statusCode, 302);
  t.match(String(again.headers.location), /^http:\/\/localhost:3000\/callback\?code=/, 'the session still signs in silently');
});

t.test('AdminCreateUser + AdminSetUserPassword(Permanent) → hosted sign-in', async (t) => {
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'xena', MessageAction: 'SUPPRESS' }));
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: 'xena', Password: 'Xena-Passw0rd', Permanent: true }));
  const tokens = await signInForTokens(app, { username: 'xena', password: 'Xena-Passw0rd', scope: SCOPE });
  t.equal((await sdk.send(new GetUserCommand({ AccessToken: tokens.access_token }))).Username, 'xena');
});
