// An app on Amplify JS v6 that offers passkeys, as Amplify's docs show it: register one for the
// signed-in user (associateWebAuthnCredential), list and delete them, and sign in with one through
// USER_AUTH with the WEB_AUTHN preferred challenge. The browser's WebAuthn API does the ceremony.
import { Amplify } from 'aws-amplify';
import {
  associateWebAuthnCredential,
  deleteWebAuthnCredential,
  fetchAuthSession,
  getCurrentUser,
  listWebAuthnCredentials,
  signIn,
  signOut,
} from 'aws-amplify/auth';
import type { AmplifyConfig, PasskeyPage } from '../page-api.js';
import { appConfig, expose } from './expose.js';

const config = appConfig<AmplifyConfig>();
Amplify.configure({
  Auth: {
    Cognito: { userPoolId: config.userPoolId, userPoolClientId: config.userPoolClientId, userPoolEndpoint: config.userPoolEndpoint },
  },
});

const api: PasskeyPage = {
  async signInWithPassword(username, password) {
    const result = await signIn({ username, password, options: { authFlowType: 'USER_SRP_AUTH' } });
    return { isSignedIn: result.isSignedIn, step: result.nextStep.signInStep };
  },
  async signInWithPasskey(username) {
    const result = await signIn({ username, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' } });
    const available = (result.nextStep as { availableChallenges?: string[] }).availableChallenges;
    return { isSignedIn: result.isSignedIn, step: result.nextStep.signInStep, ...(available ? { availableChallenges: available } : {}) };
  },
  async associateWebAuthnCredential() {
    await associateWebAuthnCredential();
  },
  async listWebAuthnCredentials(pageSize, nextToken) {
    const out = await listWebAuthnCredentials({
      ...(pageSize !== undefined ? { pageSize } : {}),
      ...(nextToken !== undefined ? { nextToken } : {}),
    });
    return {
      credentials: out.credentials.map((c) => ({ ...c, createdAt: c.createdAt?.toISOString() })),
      ...(out.nextToken !== undefined ? { nextToken: out.nextToken } : {}),
    };
  },
  async deleteWebAuthnCredential(credentialId) {
    await deleteWebAuthnCredential({ credentialId });
  },
  async current() {
    const { username } = await getCurrentUser();
    return { username, accessToken: (await fetchAuthSession()).tokens?.accessToken.toString() };
  },
  async signOut() {
    await signOut();
  },
};
expose(api);
