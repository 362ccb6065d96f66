// Passkeys with Amplify JS v6 bundled into a page in chromium, against the emulator's JSON API:
// associateWebAuthnCredential (StartWebAuthnRegistration, navigator.credentials.create, Complete),
// listWebAuthnCredentials, deleteWebAuthnCredential, and signIn with USER_AUTH and the WEB_AUTHN
// preferred challenge (navigator.credentials.get). The authenticator is chromium's virtual one
// (DevTools WebAuthn domain: CTAP2, internal, resident keys, user verification).
// The app is served on http://localhost:<port>: WebAuthn needs a secure context, and while
// 127.0.0.1 is one too, browsers refuse an IP address as the relying party id, so passkeys need a
// host name; the emulator's relying party for a pool with a domain is PUBLIC_URL's host, localhost.
import t, { type Test } from 'tap';
import type { CDPSession } from 'playwright-core';
import { testEmulator } from '../helpers/harness.js';
import { PASSKEY_CLIENT, PASSKEY_POOL, PASSWORD, passkeyFixture } from '../mfa/passkey-fixture.js';
import { bundlePages, call, haveChromium, launchChromium, newFlow, pageReady, startApp, type Flow } from '../helpers/browser-app.js';
import type { AmplifyConfig, PasskeyPage } from './page-api.js';

interface VirtualCredential {
  credentialId: string;
  rpId: string;
  signCount: number;
  isResidentCredential: boolean;
  userHandle?: string;
}

if (haveChromium('Amplify v6 passkeys in chromium')) {
  const app = await startApp(t, await bundlePages(t, ['passkeys']));
  const server = await testEmulator(t, { listen: true, fixture: passkeyFixture(['pk1', 'pk2']) });
  app.config = { userPoolId: PASSKEY_POOL, userPoolClientId: PASSKEY_CLIENT, userPoolEndpoint: server.url } satisfies AmplifyConfig;
  const browser = await launchChromium(t);
  const page = <K extends keyof PasskeyPage>(flow: Flow, name: K, ...args: Parameters<PasskeyPage[K]>) =>
    call<PasskeyPage, K>(flow.page, name, ...args);

  /** A page of the app with a virtual platform authenticator that verifies the user. */
  const open = async (t: Test): Promise<{ flow: Flow; cdp: CDPSession; authenticatorId: string }> => {
    const flow = await newFlow(t, browser);
    const cdp = await flow.context.newCDPSession(flow.page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await flow.page.goto(`${app.origin}/passkeys`);
    await pageReady(flow.page);
    return { flow, cdp, authenticatorId };
  };
  const credentialsIn = async (cdp: CDPSession, authenticatorId: string) =>
    (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials as VirtualCredential[];

  t.test('register a passkey, sign out, sign in with it; list and delete', async (t) => {
    const { flow, cdp, authenticatorId } = await open(t);
    t.strictSame(await page(flow, 'signInWithPassword', 'pk1', PASSWORD), { isSignedIn: true, step: 'DONE' });
    await page(flow, 'associateWebAuthnCredential');
    t.strictSame(flow.operations.slice(-2), ['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration']);
    const [made] = await credentialsIn(cdp, authenticatorId);
    t.ok(made?.isResidentCredential, 'a discoverable credential (residentKey required)');
    t.equal(made?.rpId, 'localhost');
    t.equal(
      Buffer.from(made?.userHandle ?? '', 'base64').toString('utf8'),
      server.deps.store.getUser(PASSKEY_POOL, 'pk1')?.Attributes.sub,
      'the user handle is the sub',
    );
    const credentialId = Buffer.from(made?.credentialId ?? '', 'base64').toString('base64url');

    const listed = await page(flow, 'listWebAuthnCredentials');
    t.equal(listed.credentials.length, 1);
    t.match(listed.credentials[0], {
      credentialId,
      friendlyCredentialName: 'Passkey',
      relyingPartyId: 'localhost',
      authenticatorAttachment: 'platform',
      authenticatorTransports: ['internal'],
    });
    t.ok(Math.abs(Date.parse(listed.credentials[0]?.createdAt ?? '') - Date.now()) < 60_000, 'createdAt is now');

    await page(flow, 'signOut');
    const signedIn = await page(flow, 'signInWithPasskey', 'pk1');
    t.strictSame(signedIn, { isSignedIn: true, step: 'DONE' });
    t.strictSame(flow.operations.slice(-2), ['InitiateAuth', 'RespondToAuthChallenge'], 'USER_AUTH, then the WEB_AUTHN answer');
    t.equal((await page(flow, 'current')).username, 'pk1');
    const [used] = await credentialsIn(cdp, authenticatorId);
    t.equal(
      server.deps.store.getWebAuthnCredentials(PASSKEY_POOL, 'pk1')[0]?.SignCount,
      used?.signCount,
      "the stored counter is the authenticator's",
    );
    t.ok((used?.signCount ?? 0) > 0, 'the counter moved');

    await page(flow, 'deleteWebAuthnCredential', credentialId);
    t.equal(flow.operations.at(-1), 'DeleteWebAuthnCredential');
    t.same((await page(flow, 'listWebAuthnCredentials')).credentials, []);
    await page(flow, 'signOut');
    const without = await page(flow, 'signInWithPasskey', 'pk1');
    t.equal(without.step, 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', 'without a passkey USER_AUTH offers the other factors');
    t.same(without.availableChallenges, ['EMAIL_OTP', 'PASSWORD', 'PASSWORD_SRP']);
  });

  t.test('a second passkey is refused by the authenticator that holds one (excludeCredentials); pages of passkeys', async (t) => {
    const { flow, cdp, authenticatorId } = await open(t);
    await page(flow, 'signInWithPassword', 'pk2', PASSWORD);
    await page(flow, 'associateWebAuthnCredential');
    await t.rejects(
      page(flow, 'associateWebAuthnCredential'),
      /PasskeyAlreadyExists|InvalidStateError|already/i,
      'the same authenticator cannot register twice',
    );
    const second = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'usb',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    await page(flow, 'associateWebAuthnCredential');
    const first = await page(flow, 'listWebAuthnCredentials', 1);
    t.equal(first.credentials.length, 1);
    t.ok(first.nextToken, 'a next page');
    const rest = await page(flow, 'listWebAuthnCredentials', 1, first.nextToken);
    t.equal(rest.credentials.length, 1);
    t.equal(rest.nextToken, undefined);
    t.match(rest.credentials[0], { authenticatorTransports: ['usb'] });
    t.equal((await credentialsIn(cdp, second.authenticatorId)).length, 1);

    await page(flow, 'signOut');
    t.strictSame(await page(flow, 'signInWithPasskey', 'pk2'), { isSignedIn: true, step: 'DONE' }, 'signed in with the security key');
  });
}
