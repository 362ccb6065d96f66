// Passkeys (WebAuthn) through the real AWS SDK v3, with a software authenticator that builds real
// attestation and assertion responses: the pool's WebAuthnConfiguration, registration
// (Start/CompleteWebAuthnRegistration) and every refusal Cognito declares for it, listing with
// pages, deletion, GetUserAuthFactors / AdminGetUserAuthFactors, and the WEB_AUTHN challenge of
// USER_AUTH (preferred or chosen), with the signature counter enforced.
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserAuthFactorsCommand,
  AdminSetUserPasswordCommand,
  CompleteWebAuthnRegistrationCommand,
  CreateUserPoolCommand,
  DeleteWebAuthnCredentialCommand,
  GetUserAuthFactorsCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListWebAuthnCredentialsCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  StartWebAuthnRegistrationCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import t from 'tap';
import { rejectsWith, reuseTestKeys, sdkClient } from '../helpers/sdk.js';
import { assertPasskey, createPasskey, type CreateOptions, type SoftPasskey } from '../helpers/soft-authenticator.js';
import { testEmulator } from '../helpers/harness.js';
import {
  NOT_ENABLED_CLIENT,
  NO_DOMAIN_CLIENT,
  OTHER_CLIENT,
  PASSKEY_CLIENT,
  PASSKEY_POOL,
  PASSWORD,
  STRICT_CLIENT,
  STRICT_POOL,
  passkeyFixture,
} from './passkey-fixture.js';

const USERS = ['reg', 'failing', 'signer', 'chooser', 'pager', 'limit', 'gone', 'rsa'];
const server = await testEmulator(t, { listen: true, fixture: passkeyFixture(USERS) });
reuseTestKeys(server.deps);
const sdk = sdkClient(server.url);
t.teardown(() => sdk.destroy());
const APP = 'http://localhost:3000';

const accessToken = async (USERNAME: string, ClientId = PASSKEY_CLIENT) => {
  const out = await sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME, PASSWORD } }));
  return out.AuthenticationResult?.AccessToken ?? '';
};
type Options = Parameters<typeof createPasskey>[0];
const start = async (AccessToken: string) =>
  (await sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken }))).CredentialCreationOptions as unknown as Options &
    Record<string, unknown>;
const complete = (AccessToken: string, Credential: unknown) =>
  sdk.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: Credential as never }));
/** Start, answer with the software authenticator, Complete: the new passkey. */
const register = async (AccessToken: string, how: Partial<CreateOptions> = {}): Promise<SoftPasskey> => {
  const { passkey, response } = createPasskey(await start(AccessToken), { origin: APP, ...how });
  await complete(AccessToken, response);
  return passkey;
};
const userAuth = (AuthParameters: Record<string, string>, ClientId = PASSKEY_CLIENT) =>
  sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId, AuthParameters }));
const respond = (
  ChallengeName: string,
  Session: string | undefined,
  ChallengeResponses: Record<string, string>,
  ClientId = PASSKEY_CLIENT,
) => sdk.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: ChallengeName as never, Session, ChallengeResponses }));

t.test("pool configuration: WebAuthnConfiguration stored and returned, with Cognito's checks", async (t) => {
  const plain = await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: PASSKEY_POOL }));
  t.same(plain.WebAuthnConfiguration, { FactorConfiguration: 'SINGLE_FACTOR' });
  const strict = await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: STRICT_POOL }));
  t.same(strict.WebAuthnConfiguration, { RelyingPartyId: 'localhost', UserVerification: 'required', FactorConfiguration: 'SINGLE_FACTOR' });

  const created = await sdk.send(new CreateUserPoolCommand({ PoolName: 'webauthn-config' }));
  const UserPoolId = created.UserPool?.Id ?? '';
  const set = await sdk.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId,
      WebAuthnConfiguration: { RelyingPartyId: 'auth.example.com', UserVerification: 'required' },
    }),
  );
  t.same(set.WebAuthnConfiguration, {
    RelyingPartyId: 'auth.example.com',
    UserVerification: 'required',
    FactorConfiguration: 'SINGLE_FACTOR',
  });
  t.equal(set.MfaConfiguration, 'OFF', 'MFA untouched');
  await rejectsWith(
    t,
    sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId, WebAuthnConfiguration: { RelyingPartyId: 'https://auth.example.com' } })),
    'InvalidParameterException',
    'Invalid RelyingPartyId: https://auth.example.com is not a domain name.',
  );
  await rejectsWith(
    t,
    sdk.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId,
        WebAuthnConfiguration: { FactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' },
      }),
    ),
    'InvalidParameterException',
    'FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION (passkeys as MFA) is not supported by cognito-emulator',
  );
  t.same(
    (await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId }))).WebAuthnConfiguration?.RelyingPartyId,
    'auth.example.com',
    'a refused change changes nothing',
  );

  await rejectsWith(
    t,
    sdk.send(new UpdateUserPoolCommand({ UserPoolId, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['WEB_AUTHN'] } } })),
    'InvalidParameterException',
    'WEB_AUTHN must be accompanied by at least one other AllowedFirstAuthFactors option.',
  );
  await sdk.send(
    new UpdateUserPoolCommand({ UserPoolId, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } } }),
  );
});

t.test('registration: CredentialCreationOptions as Cognito returns them, then the passkey listed', async (t) => {
  const token = await accessToken('reg');
  const options = await start(token);
  const sub = (await sdk.send(new AdminGetUserAuthFactorsCommand({ UserPoolId: PASSKEY_POOL, Username: 'reg' }))).Username;
  t.equal(sub, 'reg');
  t.match(options, {
    authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: 'preferred' },
    challenge: /^[A-Za-z0-9_-]{43}$/,
    excludeCredentials: [],
    pubKeyCredParams: [
      { alg: -7, type: 'public-key' },
      { alg: -257, type: 'public-key' },
    ],
    rp: { id: 'localhost', name: 'localhost' },
    timeout: 60000,
    user: { displayName: 'reg', name: 'reg' },
  });
  t.same(Object.keys(options), ['authenticatorSelection', 'challenge', 'excludeCredentials', 'pubKeyCredParams', 'rp', 'timeout', 'user']);
  const userId = Buffer.from(String((options.user as { id: string }).id), 'base64url').toString('utf8');
  t.match(userId, /^[0-9a-f-]{36}$/, 'the user handle is the sub');

  const { passkey, response } = createPasskey(options, { origin: APP });
  t.same(await complete(token, response).then((o) => ({ ...o, $metadata: undefined })), { $metadata: undefined });
  const listed = await sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }));
  t.equal(listed.Credentials?.length, 1);
  t.match(listed.Credentials?.[0], {
    CredentialId: passkey.id,
    FriendlyCredentialName: 'Passkey',
    RelyingPartyId: 'localhost',
    AuthenticatorAttachment: 'platform',
    AuthenticatorTransports: ['internal'],
  });
  t.ok(listed.Credentials?.[0]?.CreatedAt instanceof Date);
  t.equal(listed.NextToken, undefined);
  const again = await start(token);
  t.same(again.excludeCredentials, [{ id: passkey.id, type: 'public-key' }], 'registered passkeys are excluded');
  const roaming = await register(token, { attachment: 'cross-platform' });
  const names = (await sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }))).Credentials?.map((c) => [
    c.CredentialId,
    c.FriendlyCredentialName,
  ]);
  t.same(names, [
    [passkey.id, 'Passkey'],
    [roaming.id, 'Roaming passkey'],
  ]);

  const factors = await sdk.send(new GetUserAuthFactorsCommand({ AccessToken: token }));
  t.same(
    { ...factors, $metadata: undefined },
    { $metadata: undefined, Username: 'reg', ConfiguredUserAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] },
  );
  const admin = await sdk.send(new AdminGetUserAuthFactorsCommand({ UserPoolId: PASSKEY_POOL, Username: 'reg' }));
  t.same(admin.ConfiguredUserAuthFactors, ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);
  const mfa = await sdk.send(new AdminGetUserAuthFactorsCommand({ UserPoolId: PASSKEY_POOL, Username: 'mfauser' }));
  t.same(
    { ...mfa, $metadata: undefined },
    {
      $metadata: undefined,
      Username: 'mfauser',
      PreferredMfaSetting: 'EMAIL_OTP',
      UserMFASettingList: ['EMAIL_OTP'],
      ConfiguredUserAuthFactors: ['PASSWORD'],
    },
    'MFA users have no passwordless factor',
  );
  await rejectsWith(
    t,
    sdk.send(new AdminGetUserAuthFactorsCommand({ UserPoolId: PASSKEY_POOL, Username: 'nobody' })),
    'UserNotFoundException',
    'User does not exist.',
  );
});

t.test('registration refusals', async (t) => {
  const token = await accessToken('failing');
  await rejectsWith(
    t,
    complete(token, {}),
    'WebAuthnChallengeNotFoundException',
    'The registration challenge was not found or has expired.',
  );
  const options = await start(token);
  await rejectsWith(
    t,
    complete(token, createPasskey(options, { origin: APP, challenge: 'bm90LXRoZS1jaGFsbGVuZ2U' }).response),
    'WebAuthnChallengeNotFoundException',
    'The registration challenge was not found or has expired.',
  );
  await rejectsWith(
    t,
    complete(token, createPasskey(options, { origin: 'https://evil.example' }).response),
    'WebAuthnOriginNotAllowedException',
    'The origin https://evil.example is not allowed for the relying party localhost.',
  );
  await rejectsWith(
    t,
    complete(token, createPasskey(options, { origin: 'http://app.example' }).response),
    'WebAuthnOriginNotAllowedException',
    'The origin http://app.example is not allowed for the relying party localhost.',
  );
  await rejectsWith(
    t,
    complete(token, createPasskey(options, { origin: APP, rpId: 'example.com' }).response),
    'WebAuthnRelyingPartyMismatchException',
    'The passkey was not created for the relying party localhost.',
  );
  await rejectsWith(
    t,
    complete(token, createPasskey(options, { origin: APP, alg: -8 }).response),
    'WebAuthnCredentialNotSupportedException',
    'The passkey is not supported: Unexpected public key alg "-8", expected one of "-7, -257"',
  );
  await rejectsWith(
    t,
    complete(token, { id: 'x', response: { clientDataJSON: 'not json' } }),
    'InvalidParameterException',
    'Credential is not a valid WebAuthn registration response (RegistrationResponseJSON).',
  );
  await rejectsWith(
    t,
    complete(await accessToken('failing', OTHER_CLIENT), createPasskey(options, { origin: APP }).response),
    'WebAuthnClientMismatchException',
    'The access token is for a different app client than the one that started the registration.',
  );
  t.same(
    (await sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }))).Credentials,
    [],
    'nothing stored by a refused answer',
  );
  await complete(token, createPasskey(options, { origin: APP }).response);
  t.equal(
    (await sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }))).Credentials?.length,
    1,
    'the challenge survives refused answers',
  );
  await rejectsWith(
    t,
    complete(token, createPasskey(options, { origin: APP }).response),
    'WebAuthnChallengeNotFoundException',
    'The registration challenge was not found or has expired.',
  );

  const strict = await accessToken('strict', STRICT_CLIENT);
  const strictOptions = await start(strict);
  t.equal((strictOptions.authenticatorSelection as { userVerification: string }).userVerification, 'required');
  await rejectsWith(
    t,
    complete(strict, createPasskey(strictOptions, { origin: APP, userVerified: false }).response),
    'WebAuthnCredentialNotSupportedException',
    'The passkey is not supported: the user pool requires user verification',
  );

  await rejectsWith(
    t,
    sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken: await accessToken('nodomain', NO_DOMAIN_CLIENT) })),
    'WebAuthnConfigurationMissingException',
    'The user pool has neither a WebAuthn relying party id nor a domain.',
  );
  await rejectsWith(
    t,
    sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken: await accessToken('plain', NOT_ENABLED_CLIENT) })),
    'WebAuthnNotEnabledException',
    'Passkeys (WEB_AUTHN) are not an allowed first factor of this user pool.',
  );
  await rejectsWith(
    t,
    sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken: 'eyJhbGciOiJub25lIn0.e30.x' })),
    'NotAuthorizedException',
    'Invalid Access Token',
  );
});

t.test('USER_AUTH with PREFERRED_CHALLENGE WEB_AUTHN: options, assertion, tokens, counter', async (t) => {
  const passkey = await register(await accessToken('signer'));
  const challenge = await userAuth({ USERNAME: 'signer', PREFERRED_CHALLENGE: 'WEB_AUTHN' });
  t.equal(challenge.ChallengeName, 'WEB_AUTHN');
  t.same(Object.keys(challenge.ChallengeParameters ?? {}), ['CREDENTIAL_REQUEST_OPTIONS']);
  const options = JSON.parse(challenge.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '{}') as Record<string, unknown>;
  t.same(Object.keys(options), ['challenge', 'timeout', 'rpId', 'allowCredentials', 'userVerification']);
  t.match(options, {
    timeout: 180000,
    rpId: 'localhost',
    allowCredentials: [{ type: 'public-key', id: passkey.id, transports: ['internal'] }],
    userVerification: 'preferred',
  });

  await rejectsWith(
    t,
    respond('WEB_AUTHN', challenge.Session, {
      USERNAME: 'signer',
      CREDENTIAL: assertPasskey(passkey, options as never, 'http://evil.example'),
    }),
    'NotAuthorizedException',
    'The passkey could not be verified (origin http://evil.example not allowed).',
  );
  const assertion = assertPasskey(passkey, options as never, APP);
  const done = await respond('WEB_AUTHN', challenge.Session, { USERNAME: 'signer', CREDENTIAL: assertion });
  t.ok(done.AuthenticationResult?.AccessToken, 'tokens');
  t.equal(server.deps.store.getWebAuthnCredentials(PASSKEY_POOL, 'signer')[0]?.SignCount, 2, 'the counter is stored');
  await rejectsWith(
    t,
    respond('WEB_AUTHN', challenge.Session, { USERNAME: 'signer', CREDENTIAL: assertion }),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );

  const next = await userAuth({ USERNAME: 'signer', PREFERRED_CHALLENGE: 'WEB_AUTHN' });
  const nextChallenge = (JSON.parse(next.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '{}') as { challenge: string }).challenge;
  await rejectsWith(
    t,
    respond('WEB_AUTHN', next.Session, { USERNAME: 'signer', CREDENTIAL: assertion }),
    'NotAuthorizedException',
    `The passkey could not be verified (Unexpected authentication response challenge "${String(options.challenge)}", expected ` +
      `"${nextChallenge}").`,
  );
  await rejectsWith(
    t,
    respond('WEB_AUTHN', next.Session, {
      USERNAME: 'signer',
      CREDENTIAL: assertPasskey(passkey, next.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '', APP, { counter: 1 }),
    }),
    'NotAuthorizedException',
    'The passkey could not be verified (Response counter value 1 was lower than expected 2).',
  );
  await rejectsWith(
    t,
    respond('WEB_AUTHN', next.Session, { USERNAME: 'signer', CREDENTIAL: 'not json' }),
    'NotAuthorizedException',
    'The passkey could not be verified (not JSON).',
  );
  const ok = await respond('WEB_AUTHN', next.Session, {
    USERNAME: 'signer',
    CREDENTIAL: assertPasskey(passkey, next.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '', APP, { counter: 3 }),
  });
  t.ok(ok.AuthenticationResult?.IdToken, 'a refused answer leaves the challenge open');
});

t.test('SELECT_CHALLENGE offers WEB_AUTHN to users with a passkey; ANSWER WEB_AUTHN starts it', async (t) => {
  t.same((await userAuth({ USERNAME: 'chooser' })).AvailableChallenges, ['EMAIL_OTP', 'PASSWORD', 'PASSWORD_SRP'], 'no passkey yet');
  const passkey = await register(await accessToken('chooser'));
  const select = await userAuth({ USERNAME: 'chooser' });
  t.equal(select.ChallengeName, 'SELECT_CHALLENGE');
  t.same(select.AvailableChallenges, ['EMAIL_OTP', 'PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN']);
  const challenge = await respond('SELECT_CHALLENGE', select.Session, { USERNAME: 'chooser', ANSWER: 'WEB_AUTHN' });
  t.equal(challenge.ChallengeName, 'WEB_AUTHN');
  const done = await respond('WEB_AUTHN', challenge.Session, {
    USERNAME: 'chooser',
    CREDENTIAL: assertPasskey(passkey, challenge.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '', APP),
  });
  t.ok(done.AuthenticationResult?.AccessToken);
  const mfa = await userAuth({ USERNAME: 'mfauser', PREFERRED_CHALLENGE: 'WEB_AUTHN' });
  t.equal(mfa.ChallengeName, 'SELECT_CHALLENGE', 'a user without a passkey gets the list');
});

t.test('RS256 passkeys register and sign in', async (t) => {
  const passkey = await register(await accessToken('rsa'), { alg: -257 });
  const challenge = await userAuth({ USERNAME: 'rsa', PREFERRED_CHALLENGE: 'WEB_AUTHN' });
  const done = await respond('WEB_AUTHN', challenge.Session, {
    USERNAME: 'rsa',
    CREDENTIAL: assertPasskey(passkey, challenge.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '', APP),
  });
  t.ok(done.AuthenticationResult?.AccessToken);
});

t.test('ListWebAuthnCredentials pages; DeleteWebAuthnCredential', async (t) => {
  const token = await accessToken('pager');
  const keys = [await register(token), await register(token), await register(token)];
  const first = await sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: token, MaxResults: 2 }));
  t.same(
    first.Credentials?.map((c) => c.CredentialId),
    [keys[0]?.id, keys[1]?.id],
  );
  t.equal(first.NextToken, keys[2]?.id);
  const second = await sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: token, MaxResults: 2, NextToken: first.NextToken }));
  t.same(
    second.Credentials?.map((c) => c.CredentialId),
    [keys[2]?.id],
  );
  t.equal(second.NextToken, undefined);
  await rejectsWith(
    t,
    sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: token, NextToken: 'nope' })),
    'InvalidParameterException',
    'Invalid NextToken.',
  );

  await sdk.send(new DeleteWebAuthnCredentialCommand({ AccessToken: token, CredentialId: keys[1]?.id ?? '' }));
  t.same(
    (await sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }))).Credentials?.map((c) => c.CredentialId),
    [keys[0]?.id, keys[2]?.id],
  );
  await rejectsWith(
    t,
    sdk.send(new DeleteWebAuthnCredentialCommand({ AccessToken: token, CredentialId: keys[1]?.id ?? '' })),
    'ResourceNotFoundException',
    'The passkey was not found for the user.',
  );
  const other = await accessToken('signer');
  await rejectsWith(
    t,
    sdk.send(new DeleteWebAuthnCredentialCommand({ AccessToken: other, CredentialId: keys[0]?.id ?? '' })),
    'ResourceNotFoundException',
    'The passkey was not found for the user.',
  );
  for (const key of [keys[0], keys[2]])
    await sdk.send(new DeleteWebAuthnCredentialCommand({ AccessToken: token, CredentialId: key?.id ?? '' }));
  t.same(
    (await userAuth({ USERNAME: 'pager', PREFERRED_CHALLENGE: 'WEB_AUTHN' })).ChallengeName,
    'SELECT_CHALLENGE',
    'no passkey, no WEB_AUTHN',
  );
});

t.test('at most 20 passkeys; deleting the user deletes them', async (t) => {
  const token = await accessToken('limit');
  for (let i = 0; i < 20; i++) await register(token);
  await rejectsWith(t, start(token), 'LimitExceededException', 'A user can register at most 20 passkeys.');
  t.equal((await sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: token, MaxResults: 0 }))).Credentials?.length, 20);

  await register(await accessToken('gone'));
  await sdk.send(new AdminDeleteUserCommand({ UserPoolId: PASSKEY_POOL, Username: 'gone' }));
  t.same(server.deps.store.getWebAuthnCredentials(PASSKEY_POOL, 'gone'), []);
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: PASSKEY_POOL, Username: 'gone', MessageAction: 'SUPPRESS' }));
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: PASSKEY_POOL, Username: 'gone', Password: PASSWORD, Permanent: true }));
  t.same(
    (await sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken: await accessToken('gone') }))).Credentials,
    [],
    'a new user of that name has none',
  );
});
