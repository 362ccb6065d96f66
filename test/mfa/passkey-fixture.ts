// Shared by the passkey tests; not a test file itself. A pool with a domain and WEB_AUTHN among its
// first factors (its relying party is the emulator's host, localhost), one that names its relying
// party itself and requires user verification, and pools where passkeys cannot be registered.
import { EMAIL_POOL_SIGNING_KEYS, PASSWORD, SIGNING_KEYS } from '../helpers/fixtures/index.js';

export const PASSKEY_POOL = 'us-east-1_Passkey01';
export const STRICT_POOL = 'us-east-1_Passkey02';
export const NO_DOMAIN_POOL = 'us-east-1_Passkey03';
export const NOT_ENABLED_POOL = 'us-east-1_Passkey04';
export const PASSKEY_CLIENT = 'passkeyclient0000000000000';
export const OTHER_CLIENT = 'passkeyother00000000000000';
export const STRICT_CLIENT = 'passkeystrict0000000000000';
export const NO_DOMAIN_CLIENT = 'passkeynodomain00000000000';
export const NOT_ENABLED_CLIENT = 'passkeynotenabled000000000';
export { PASSWORD };

const FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'];
const client = (ClientId: string) => ({ ClientId, ClientName: 'passkey app', ExplicitAuthFlows: FLOWS });
const user = (Username: string, extra: object = {}) => ({
  Username,
  Password: PASSWORD,
  Attributes: { email: `${Username}@example.com`, email_verified: 'true' },
  ...extra,
});
const factors = (...f: string[]) => ({ SignInPolicy: { AllowedFirstAuthFactors: f } });

export function passkeyFixture(users: string[] = []): object {
  return {
    UserPools: [
      {
        Id: PASSKEY_POOL,
        Name: 'passkeys',
        SigningKeys: SIGNING_KEYS,
        Domain: 'passkeys',
        Policies: factors('PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'),
        EmailMfaConfiguration: { Message: 'Sign-in code: {####}', Subject: 'Your sign-in code' },
        SoftwareTokenMfaConfiguration: { Enabled: true },
        MfaConfiguration: 'OPTIONAL',
        Clients: [client(PASSKEY_CLIENT), client(OTHER_CLIENT)],
        Users: [...users.map((u) => user(u)), user('mfauser', { UserMFASettingList: ['EMAIL_OTP'], PreferredMfaSetting: 'EMAIL_OTP' })],
      },
      {
        Id: STRICT_POOL,
        Name: 'strict passkeys',
        SigningKeys: EMAIL_POOL_SIGNING_KEYS,
        Policies: factors('PASSWORD', 'WEB_AUTHN'),
        WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
        Clients: [client(STRICT_CLIENT)],
        Users: [user('strict')],
      },
      {
        Id: NO_DOMAIN_POOL,
        Name: 'no domain',
        Policies: factors('PASSWORD', 'WEB_AUTHN'),
        Clients: [client(NO_DOMAIN_CLIENT)],
        Users: [user('nodomain')],
      },
      { Id: NOT_ENABLED_POOL, Name: 'no passkeys', Domain: 'nopasskeys', Clients: [client(NOT_ENABLED_CLIENT)], Users: [user('plain')] },
    ],
  };
}
