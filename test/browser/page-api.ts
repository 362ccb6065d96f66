// What each page in test/browser/pages puts on window.app and reads from window.appConfig, shared
// by the page (bundled for the browser) and the test (Node) so both sides agree on the shapes.

/** Amplify's Auth.Cognito configuration, as an app writes it. */
export interface AmplifyConfig {
  userPoolId: string;
  userPoolClientId: string;
  /** The emulator's base URL: Amplify sends the JSON API there instead of cognito-idp.<region>.amazonaws.com. */
  userPoolEndpoint: string;
  oauth?: {
    /** host[:port] without scheme: Amplify always prefixes https://. */
    domain: string;
    scopes: string[];
    redirectSignIn: string[];
    redirectSignOut: string[];
    responseType: 'code';
  };
}

export interface SessionView {
  accessToken?: string;
  idToken?: string;
  /** The user's sub, from the tokens. */
  userSub?: string;
}

export interface AmplifyPage {
  signIn(
    username: string,
    password: string,
    authFlowType: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH',
  ): Promise<{ isSignedIn: boolean; step: string }>;
  session(forceRefresh: boolean): Promise<SessionView>;
  userAttributes(): Promise<Record<string, string | undefined>>;
  deleteUserAttributes(keys: string[]): Promise<void>;
  currentUser(): Promise<{ username: string; userId: string }>;
  signOut(global: boolean): Promise<void>;
  signInWithRedirect(): Promise<void>;
  /** signInWithRedirect({ provider: 'Google' }): straight to the pool's Google provider. */
  signInWithGoogle(): Promise<void>;
  /** Resolves with the Hub events once the redirect sign-in on this page load has finished (or failed). */
  redirectDone(): Promise<string[]>;
  /** Hub 'auth' events seen on this page load, in order. */
  hubEvents(): Promise<string[]>;
  /** What Amplify keeps in localStorage for the last signed-in user (tokens), by key suffix. */
  stored(): Promise<Record<string, string>>;
}

export interface OidcConfig {
  /** The pool's issuer: oidc-client-ts reads <authority>/.well-known/openid-configuration. */
  authority: string;
  clientId: string;
  redirectUri: string;
  /** Registered in the client's LogoutURLs; Cognito's /logout wants it as logout_uri. */
  logoutUri: string;
}

export interface OidcUserView {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  expiresAt?: number;
  profile: Record<string, unknown>;
}

export interface OidcPage {
  signinRedirect(): Promise<void>;
  /** Completes the redirect when the page was loaded with ?code=...; null otherwise. */
  callbackResult(): Promise<OidcUserView | null>;
  user(): Promise<OidcUserView | null>;
  signinSilent(): Promise<OidcUserView | null>;
  revokeRefreshToken(): Promise<void>;
  /** Forgets the user locally, then signoutRedirect with Cognito's client_id + logout_uri. */
  signoutRedirect(): Promise<void>;
}

/** A passkey as Amplify's listWebAuthnCredentials reports it. */
export interface PasskeyView {
  credentialId?: string;
  friendlyCredentialName?: string;
  relyingPartyId?: string;
  authenticatorAttachment?: string;
  authenticatorTransports?: string[];
  /** ISO time. */
  createdAt?: string;
}

export interface PasskeyPage {
  /** signIn with a password (SRP). */
  signInWithPassword(username: string, password: string): Promise<{ isSignedIn: boolean; step: string }>;
  /** signIn({ username, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' } }). */
  signInWithPasskey(username: string): Promise<{ isSignedIn: boolean; step: string; availableChallenges?: string[] }>;
  associateWebAuthnCredential(): Promise<void>;
  listWebAuthnCredentials(pageSize?: number, nextToken?: string): Promise<{ credentials: PasskeyView[]; nextToken?: string }>;
  deleteWebAuthnCredential(credentialId: string): Promise<void>;
  /** The signed-in user's username and access token. */
  current(): Promise<{ username: string; accessToken?: string }>;
  signOut(): Promise<void>;
}
