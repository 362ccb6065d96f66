// The fixture most tests run on, written from the documented format. Fixed signing keys keep
// each test app's startup free of RSA key generation.
import { readFileSync } from 'node:fs';

export const SIGNING_KEYS = JSON.parse(readFileSync(new URL('./signing-keys.json', import.meta.url), 'utf8')) as Record<string, object>;
/** A second, different key set, so each pool of the fixture signs with its own keys. */
export const EMAIL_POOL_SIGNING_KEYS = JSON.parse(readFileSync(new URL('./signing-keys-email.json', import.meta.url), 'utf8')) as Record<
  string,
  object
>;

export const POOL_ID = 'us-east-1_TestPool1';
export const EMAIL_POOL_ID = 'eu-west-1_EmailPool';
export const PUBLIC_CLIENT = 'publicclient0000000000000a';
export const SECRET_CLIENT = 'secretclient0000000000000b';
export const SECRET = 'supersecret0123456789abcdefghijklmnopqrstuvwxyz';
export const M2M_CLIENT = 'm2mclient00000000000000000';
export const M2M_SECRET = 'm2msecret0123456789abcdefghijklmnopqrstuvwxyz00';
export const NO_REVOKE_CLIENT = 'norevokeclient000000000000';
export const CALLBACK = 'http://localhost:3000/callback';
export const LOGOUT_URL = 'http://localhost:3000/';
export const API = 'https://api.test.example';
export const PASSWORD = 'Passw0rd!';

export const TEST_FIXTURE = {
  UserPools: [
    {
      Id: POOL_ID,
      Name: 'test',
      SigningKeys: SIGNING_KEYS,
      ResourceServers: [
        {
          Identifier: API,
          Name: 'Test API',
          Scopes: [
            { ScopeName: 'read', ScopeDescription: 'Read' },
            { ScopeName: 'write', ScopeDescription: 'Write' },
          ],
        },
      ],
      Groups: [{ GroupName: 'admins', Precedence: 1 }, { GroupName: 'readers' }],
      Clients: [
        {
          ClientId: PUBLIC_CLIENT,
          ClientName: 'Public <SPA>',
          CallbackURLs: [CALLBACK, 'myapp://callback'],
          LogoutURLs: [LOGOUT_URL],
          AllowedOAuthFlows: ['code', 'implicit'],
          AllowedOAuthScopes: ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin', `${API}/read`],
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
        {
          ClientId: SECRET_CLIENT,
          ClientName: 'Confidential',
          ClientSecret: SECRET,
          CallbackURLs: [CALLBACK],
          LogoutURLs: [LOGOUT_URL],
          AllowedOAuthFlows: ['code'],
          AllowedOAuthScopes: ['openid', 'email', `${API}/read`, `${API}/write`],
          ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'],
          AccessTokenValidity: 30,
          IdTokenValidity: 45,
          RefreshTokenValidity: 2,
          TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'hours' },
        },
        {
          ClientId: M2M_CLIENT,
          ClientName: 'Machine',
          ClientSecret: M2M_SECRET,
          AllowedOAuthFlows: ['client_credentials'],
          AllowedOAuthScopes: [`${API}/read`, `${API}/write`],
        },
        {
          ClientId: NO_REVOKE_CLIENT,
          ClientName: 'No revocation',
          EnableTokenRevocation: false,
          CallbackURLs: [CALLBACK],
          AllowedOAuthFlows: ['code'],
          AllowedOAuthScopes: ['openid'],
        },
      ],
      Users: [
        {
          Username: 'alice',
          Password: PASSWORD,
          Groups: ['admins', 'readers'],
          Attributes: {
            email: 'alice@example.com',
            email_verified: 'true',
            given_name: 'Alice',
            family_name: 'Liddell',
            phone_number: '+15555550100',
            phone_number_verified: 'false',
            'custom:tier': 'gold',
          },
        },
        {
          Username: 'bob',
          Password: 'TempPassw0rd!',
          UserStatus: 'FORCE_CHANGE_PASSWORD',
          UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }],
        },
        { Username: 'carol', Password: PASSWORD, Enabled: false, Attributes: { email: 'carol@example.com' } },
        { Username: 'dave', Password: PASSWORD, UserStatus: 'UNCONFIRMED' },
      ],
    },
    {
      Id: EMAIL_POOL_ID,
      Name: 'email sign-in',
      UsernameAttributes: ['email'],
      SigningKeys: EMAIL_POOL_SIGNING_KEYS,
      Clients: [
        {
          ClientId: 'emailclient000000000000000',
          ClientName: 'email app',
          CallbackURLs: [CALLBACK],
          AllowedOAuthFlows: ['code'],
          AllowedOAuthScopes: ['openid', 'email'],
        },
      ],
      Users: [{ Username: 'erin@example.com', Password: PASSWORD, Attributes: { email_verified: 'true' } }],
    },
  ],
};
