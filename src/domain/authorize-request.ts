// An authorize-style request once its checks have passed (src/oauth/authorize-request.ts runs
// them): what a browser sign-in carries from /oauth2/authorize through the hosted pages or an
// identity provider to the redirect back to the app
// (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
import type { AppClient, UserPool } from './model.js';

export interface AuthorizeRequest {
  pool: UserPool;
  client: AppClient;
  redirectUri: string;
  responseType: 'code' | 'token';
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  prompt: string[];
  loginHint?: string;
}
