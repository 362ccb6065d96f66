// An app on Amplify JS v6, configured as the Amplify docs show, with the emulator as the user pool:
// JSON-API sign-in through userPoolEndpoint, and (when appConfig has oauth) the hosted UI through
// signInWithRedirect. Its functions are what an app's buttons would call.
import { Amplify } from 'aws-amplify';
import {
  deleteUserAttributes,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  signIn,
  signInWithRedirect,
  signOut,
} from 'aws-amplify/auth';
// A page load that carries ?code=...&state=... is completed by this listener (multi-page apps import it).
import 'aws-amplify/auth/enable-oauth-listener';
import { Hub } from 'aws-amplify/utils';
import type { AmplifyConfig, AmplifyPage } from '../page-api.js';
import { appConfig, expose } from './expose.js';

const hubEvents: string[] = [];
const waiting: Array<() => void> = [];
const REDIRECT_END = ['signInWithRedirect', 'signInWithRedirect_failure'];
Hub.listen('auth', ({ payload }) => {
  hubEvents.push(payload.event);
  for (const check of waiting.splice(0)) check();
});
/** Resolves once `done()` holds for the Hub events seen so far (checked at every new event). */
function hubUntil(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (done() ? resolve() : waiting.push(check));
    check();
  });
}

const config = appConfig<AmplifyConfig>();
Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: config.userPoolId,
      userPoolClientId: config.userPoolClientId,
      userPoolEndpoint: config.userPoolEndpoint,
      ...(config.oauth ? { loginWith: { oauth: config.oauth } } : {}),
    },
  },
});

const api: AmplifyPage = {
  async signIn(username, password, authFlowType) {
    const result = await signIn({ username, password, options: { authFlowType } });
    return { isSignedIn: result.isSignedIn, step: result.nextStep.signInStep };
  },
  async session(forceRefresh) {
    const session = await fetchAuthSession({ forceRefresh });
    return { accessToken: session.tokens?.accessToken.toString(), idToken: session.tokens?.idToken?.toString(), userSub: session.userSub };
  },
  async userAttributes() {
    return { ...(await fetchUserAttributes()) };
  },
  async deleteUserAttributes(keys) {
    await deleteUserAttributes({ userAttributeKeys: keys as [string, ...string[]] });
  },
  async currentUser() {
    const { username, userId } = await getCurrentUser();
    return { username, userId };
  },
  async signOut(global) {
    await signOut({ global });
  },
  async signInWithRedirect() {
    await signInWithRedirect();
  },
  async signInWithGoogle() {
    await signInWithRedirect({ provider: 'Google' });
  },
  async redirectDone() {
    await hubUntil(() => hubEvents.some((e) => REDIRECT_END.includes(e)));
    // Amplify announces signedIn separately from the end of the redirect, in either order: a
    // successful redirect is done when both have been seen.
    if (hubEvents.includes('signInWithRedirect')) await hubUntil(() => hubEvents.includes('signedIn'));
    return [...hubEvents];
  },
  async hubEvents() {
    return [...hubEvents];
  },
  async stored() {
    const prefix = `CognitoIdentityServiceProvider.${config.userPoolClientId}.`;
    const found: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix)) found[key.slice(prefix.length).replace(/^[^.]+\.(?=[^.]+$)/, '')] = localStorage.getItem(key) ?? '';
    }
    return found;
  },
};
expose(api);
