// Drives the hosted sign-in over plain HTTP the way hand-written E2E scripts do against real
// Cognito: follow /oauth2/authorize to /login, copy the XSRF-TOKEN cookie and the
// form's _csrf, post the credentials, and return the redirect back to the app.
// Not a test file itself (tap runs *.test.ts only).
import { cookieHeader, setCookies, tags } from './html.js';

/** The sign-in form's action and hidden _csrf, read from the page as a scraper would. */
export function readSignInForm(page: string): { action: string; csrf: string } {
  const action = tags(page, 'form').find((a) => a.name === 'cognitoSignInForm')?.action;
  const csrf = tags(page, 'input').find((a) => a.name === '_csrf')?.value;
  if (!action || !csrf) throw new Error('sign-in form not found on the page');
  return { action, csrf };
}

export interface HostedLoginResult {
  /** Where the emulator finally sent the browser (the app's callback with code and state). */
  location: URL;
  /** Cookies the emulator set along the way (XSRF-TOKEN, cognito). */
  cookies: Map<string, string>;
}

/**
 * GET authorizeUrl → 302 /login → 200 form → POST /login → 302 to the callback. `fetch` may be
 * one that trusts the emulator's local CA (undici's, with an Agent), for the TLS listener.
 */
export async function hostedLogin(
  authorizeUrl: URL | string,
  username: string,
  password: string,
  fetch = globalThis.fetch,
): Promise<HostedLoginResult> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  if (authorize.status !== 302) throw new Error(`authorize answered ${authorize.status}, expected 302`);
  const loginUrl = new URL(authorize.headers.get('location') ?? '', authorizeUrl);
  if (loginUrl.pathname !== '/login') throw new Error(`authorize redirected to ${loginUrl.href}, expected /login`);
  const cookies = setCookies(authorize);

  const loginPage = await fetch(loginUrl, { redirect: 'manual', headers: { cookie: cookieHeader(cookies) } });
  if (loginPage.status !== 200) throw new Error(`GET /login answered ${loginPage.status}`);
  for (const [k, v] of setCookies(loginPage)) cookies.set(k, v);
  const { action, csrf } = readSignInForm(await loginPage.text());
  if (cookies.get('XSRF-TOKEN') !== csrf) throw new Error('_csrf differs from the XSRF-TOKEN cookie');

  const posted = await fetch(new URL(action, loginUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ _csrf: csrf, username, password, cognitoAsfData: '', signInSubmitButton: 'Sign in' }),
  });
  if (posted.status !== 302) throw new Error(`POST /login answered ${posted.status}, expected 302`);
  for (const [k, v] of setCookies(posted)) cookies.set(k, v);
  return { location: new URL(posted.headers.get('location') ?? '', loginUrl), cookies };
}
