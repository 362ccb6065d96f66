// Secrets. Client secrets, SECRET_HASH and CSRF tokens are compared in constant time
// (safeEqual, used by oauth/client-auth.ts, cognito-api/secret-hash.ts and hosted-ui/login.ts);
// passwords are never stored or logged in plain text: the real CLI runs with DATA_FILE and
// LOG_LEVEL=trace through every flow that carries a password, secret, code or token, and neither
// the data file nor the captured logs may contain any of them.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeEqual } from '../../src/domain/passwords.js';
import { REDACT_PATHS } from '../../src/logger.js';
import {
  CALLBACK,
  M2M_CLIENT,
  M2M_SECRET,
  PASSWORD,
  POOL_ID,
  PUBLIC_CLIENT,
  SECRET,
  SECRET_CLIENT,
  TEST_FIXTURE,
} from '../helpers/fixtures/index.js';
import { cliApi, startCli, stopCli, writeFixture } from '../helpers/cli-process.js';
import { setCookies } from '../helpers/html.js';
import { secretHash } from '../helpers/secret-hash.js';

t.test('safeEqual: equal strings only, whatever the length or encoding', async (t) => {
  t.equal(safeEqual('secret', 'secret'), true);
  t.equal(safeEqual('secret', 'secreT'), false);
  t.equal(safeEqual('secret', 'secret1'), false, 'different lengths are unequal (not a prefix match)');
  t.equal(safeEqual('', ''), true);
  t.equal(safeEqual('', 'a'), false);
  t.equal(safeEqual('é', 'e\u0301'), false, 'compares bytes, no normalisation');
  t.equal(safeEqual('\uD800', '\uFFFD'), true, 'a lone surrogate is encoded as U+FFFD, as in every UTF-8 comparison');
  // Read from the source: every secret comparison goes through safeEqual, which is crypto.timingSafeEqual
  // over equal-length buffers; the length check leaks only the length, which Cognito secrets fix anyway.
  const sources = ['src/oauth/client-auth.ts', 'src/cognito-api/secret-hash.ts', 'src/hosted-ui/login.ts', 'src/domain/credentials.ts'].map(
    (f) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8'),
  );
  for (const source of sources)
    t.notMatch(
      source,
      /(ClientSecret|clientSecret|secretHash\w*|cookie|sent|password|fromFixture)\s*(?:===|!==|==|!=)(?!=)\s*(?!\s|undefined\b|'')/,
      'no == on a secret',
    );
  t.match(readFileSync(new URL('../../src/domain/passwords.ts', import.meta.url), 'utf8'), /timingSafeEqual\(ab, bb\)/);
});

t.test('pino redaction covers credentials in headers and bodies', async (t) => {
  for (const path of [
    'req.headers.authorization',
    'req.headers.cookie',
    'res.headers["set-cookie"]',
    '*.password',
    '*.Password',
    '*.client_secret',
    '*.ClientSecret',
    '*.SECRET_HASH',
    '*.code',
    '*.ConfirmationCode',
    '*.access_token',
    '*.refresh_token',
    '*.id_token',
    '*.AccessToken',
    '*.RefreshToken',
    '*.IdToken',
    '*.Session',
    '*.TemporaryPassword',
    '*.ProposedPassword',
    '*.PreviousPassword',
  ]) {
    t.ok(REDACT_PATHS.includes(path), `redacts ${path}`);
  }
});

t.test('no password, secret, code or token in the data file or in trace logs', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-secrets-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const dataFile = join(dir, 'data.json');
  // Email auto-verified, so SignUp and ForgotPassword send codes.
  const fixture = structuredClone(TEST_FIXTURE) as { UserPools: Array<Record<string, unknown>> };
  fixture.UserPools[0] = { ...fixture.UserPools[0], AutoVerifiedAttributes: ['email'] };
  const cli = await startCli({ FIXTURES: writeFixture(dir, fixture), DATA_FILE: dataFile, LOG_LEVEL: 'trace' });
  t.teardown(() => stopCli(cli, 'SIGKILL'));
  const { url } = cli;
  const used: Record<string, string> = { fixturePassword: PASSWORD, clientSecret: SECRET, m2mSecret: M2M_SECRET };
  const form = (fields: Record<string, string>, extra: Record<string, string> = {}) => ({
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...extra },
  });
  const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

  // Hosted sign-in (a wrong password first), then the code exchanged with client_secret_post.
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: SECRET_CLIENT,
    redirect_uri: CALLBACK,
    scope: 'openid email',
  }).toString();
  const page = await fetch(`${url}/login?${query}`);
  const xsrf = setCookies(page).get('XSRF-TOKEN') ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  used.csrf = csrf;
  const login = (password: string) =>
    fetch(`${url}/login?${query}`, form({ _csrf: csrf, username: 'alice', password }, { cookie: `XSRF-TOKEN=${xsrf}` }));
  used.wrongPassword = 'Wrong-Secret-7g!';
  t.equal((await login(used.wrongPassword)).status, 200, 'wrong password: the form again');
  const signedIn = await login(PASSWORD);
  t.equal(signedIn.status, 302);
  used.session = setCookies(signedIn).get('cognito') ?? 'missing';
  used.code = new URL(signedIn.headers.get('location') ?? '').searchParams.get('code') ?? 'missing';
  const exchanged = await fetch(
    `${url}/oauth2/token`,
    form({ grant_type: 'authorization_code', code: used.code, redirect_uri: CALLBACK, client_id: SECRET_CLIENT, client_secret: SECRET }),
  );
  const tokens = (await exchanged.json()) as Record<string, string>;
  t.equal(exchanged.status, 200, 'code exchanged');
  Object.assign(used, { accessToken: tokens.access_token, idToken: tokens.id_token, refreshToken: tokens.refresh_token });
  const refreshed = await fetch(
    `${url}/oauth2/token`,
    form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }, basic(SECRET_CLIENT, SECRET)),
  );
  t.equal(refreshed.status, 200, 'refreshed with client_secret_basic');
  used.refreshedAccess = ((await refreshed.json()) as Record<string, string>).access_token ?? 'missing';
  const m2m = await fetch(`${url}/oauth2/token`, form({ grant_type: 'client_credentials' }, basic(M2M_CLIENT, M2M_SECRET)));
  t.equal(m2m.status, 200, 'client_credentials');
  used.m2mToken = ((await m2m.json()) as Record<string, string>).access_token ?? 'missing';
  t.equal((await fetch(`${url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${used.accessToken}` } })).status, 200, 'userInfo');
  t.equal(
    (await fetch(`${url}/oauth2/revoke`, form({ token: used.refreshToken ?? '', client_id: SECRET_CLIENT, client_secret: SECRET }))).status,
    200,
    'revoked',
  );

  // The JSON API: a temporary password, the new-password challenge, ChangePassword, AdminSetUserPassword, SignUp, a reset.
  used.temporary = 'Tmp-Secret-1a!';
  t.equal(
    (
      await cliApi(url, 'AdminCreateUser', {
        UserPoolId: POOL_ID,
        Username: 'secret-user',
        TemporaryPassword: used.temporary,
        MessageAction: 'SUPPRESS',
      })
    ).status,
    200,
  );
  const challenge = await cliApi(url, 'InitiateAuth', {
    ClientId: PUBLIC_CLIENT,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'secret-user', PASSWORD: used.temporary },
  });
  t.equal(challenge.body.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  used.challengeSession = String(challenge.body.Session);
  used.newPassword = 'NewPw-Secret-5e!';
  const answered = await cliApi(url, 'RespondToAuthChallenge', {
    ClientId: PUBLIC_CLIENT,
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: used.challengeSession,
    ChallengeResponses: { USERNAME: 'secret-user', NEW_PASSWORD: used.newPassword },
  });
  const result = answered.body.AuthenticationResult as Record<string, string>;
  t.type(result.AccessToken, 'string', 'challenge answered');
  Object.assign(used, { apiAccess: result.AccessToken, apiId: result.IdToken, apiRefresh: result.RefreshToken });
  used.changed = 'Changed-Secret-4d!';
  t.equal(
    (
      await cliApi(url, 'ChangePassword', {
        AccessToken: used.apiAccess,
        PreviousPassword: used.newPassword,
        ProposedPassword: used.changed,
      })
    ).status,
    200,
  );
  used.adminSet = 'Set-Secret-2b!';
  t.equal(
    (await cliApi(url, 'AdminSetUserPassword', { UserPoolId: POOL_ID, Username: 'bob', Password: used.adminSet, Permanent: true })).status,
    200,
  );
  used.secretHash = secretHash(SECRET, 'alice', SECRET_CLIENT);
  const adminAuth = await cliApi(url, 'AdminInitiateAuth', {
    UserPoolId: POOL_ID,
    ClientId: SECRET_CLIENT,
    AuthFlow: 'ADMIN_NO_SRP_AUTH',
    AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: used.secretHash },
  });
  t.equal(adminAuth.status, 200, 'AdminInitiateAuth with SECRET_HASH');
  used.adminAccess = (adminAuth.body.AuthenticationResult as Record<string, string>).AccessToken ?? 'missing';
  used.signUp = 'SignUp-Secret-3c!';
  t.equal(
    (
      await cliApi(url, 'SignUp', {
        ClientId: PUBLIC_CLIENT,
        Username: 'signup-user',
        Password: used.signUp,
        UserAttributes: [{ Name: 'email', Value: 'su@example.com' }],
      })
    ).status,
    200,
  );
  const messages = async (username: string) =>
    ((await (await fetch(`${url}/_emulator/messages?username=${username}`)).json()) as { Messages: Array<{ code?: string }> }).Messages;
  used.signUpCode = (await messages('signup-user')).at(-1)?.code ?? 'missing';
  t.equal(
    (await cliApi(url, 'ConfirmSignUp', { ClientId: PUBLIC_CLIENT, Username: 'signup-user', ConfirmationCode: used.signUpCode })).status,
    200,
  );
  t.equal(
    (
      await cliApi(url, 'AdminUpdateUserAttributes', {
        UserPoolId: POOL_ID,
        Username: 'secret-user',
        UserAttributes: [
          { Name: 'email', Value: 'secret@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      })
    ).status,
    200,
  );
  t.equal((await cliApi(url, 'ForgotPassword', { ClientId: PUBLIC_CLIENT, Username: 'secret-user' })).status, 200);
  used.resetCode = (await messages('secret-user')).at(-1)?.code ?? 'missing';
  used.reset = 'Reset-Secret-6f!';
  t.equal(
    (
      await cliApi(url, 'ConfirmForgotPassword', {
        ClientId: PUBLIC_CLIENT,
        Username: 'secret-user',
        ConfirmationCode: used.resetCode,
        Password: used.reset,
      })
    ).status,
    200,
  );
  t.equal(
    (
      await cliApi(url, 'InitiateAuth', {
        ClientId: PUBLIC_CLIENT,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'secret-user', PASSWORD: 'Wrong-Secret-7g!' },
      })
    ).body.__type,
    'NotAuthorizedException',
  );

  const exit = await stopCli(cli);
  t.same(exit, { code: 0, signal: null }, 'clean exit after SIGTERM');
  const data = readFileSync(dataFile, 'utf8');
  const { stdout, stderr } = cli.output();
  const logs = stdout + stderr;
  t.match(data, /"secret-user"/, 'the data file holds the users created (the check reads the right file)');
  t.match(data, /"PasswordHash":\s*"scrypt\$/, 'passwords set through the emulator are stored as salted scrypt hashes');
  t.ok(logs.split('\n').filter((l) => l.includes('"msg":"request"')).length >= 20, 'trace logging captured the requests');
  for (const [what, value] of Object.entries(used)) {
    t.ok(value.length >= 6 && value !== 'missing', `${what} was used`);
    // Six-digit verification codes must not match inside longer numbers (timestamps).
    const pattern = new RegExp(`(?<![0-9A-Za-z])${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![0-9A-Za-z])`);
    t.notMatch(logs, pattern, `${what} is not in the logs`);
    // Client secrets stay in the data file by design: SECRET_HASH is an HMAC keyed by the secret and
    // DescribeUserPoolClient returns it (as Cognito does), so they cannot be hashed.
    if (what !== 'clientSecret' && what !== 'm2mSecret') t.notMatch(data, pattern, `${what} is not in the data file`);
  }
});
