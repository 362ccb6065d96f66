// GET/POST /login: Cognito's hosted sign-in page (reference §3.2, §3.3).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { newUuid } from '../domain/ids.js';
import { PASSWORD_ATTEMPTS_EXCEEDED } from '../domain/lockout.js';
import { safeEqual } from '../domain/passwords.js';
import { findSignInUser } from '../domain/users.js';
import { issueXsrfToken, readCookie, setSessionCookie, XSRF_COOKIE, SESSION_COOKIE } from '../http/cookies.js';
import { pageHeaders } from '../http/headers.js';
import { validateAuthorizeRequest, type AuthorizeRequest, type Query } from '../oauth/authorize-request.js';
import { completeAuthorization, nowSeconds } from '../oauth/complete-authorization.js';
import type { User } from '../domain/model.js';
import { newPasswordPage, signInPage } from './pages.js';

export const INCORRECT = 'Incorrect username or password.';
const CHALLENGE_SECONDS = 300;

type Body = Record<string, unknown> | undefined;
const field = (body: Body, name: string): string | undefined => {
  const value = body?.[name];
  return typeof value === 'string' && value.length <= 4096 ? value : undefined;
};

/** The page's form posts back to the same path with the same query (relative, like Cognito's). */
export const formAction = (request: FastifyRequest, path: string) => {
  const q = request.url.indexOf('?');
  return q < 0 ? path : path + request.url.slice(q);
};

export function loginRoutes(app: FastifyInstance, deps: Deps): void {
  const secure = () => deps.urls.secure;

  const render = (request: FastifyRequest, reply: FastifyReply, req: AuthorizeRequest, status: number, extra: { username?: string; error?: string }) => {
    const csrf = issueXsrfToken(reply, secure());
    const body = signInPage({ action: formAction(request, '/login'), csrf, clientName: req.client.ClientName, ...extra });
    return pageHeaders(reply, secure()).code(status).type('text/html; charset=utf-8').send(body.value);
  };

  app.get('/login', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    return render(request, reply, req, 200, req.loginHint !== undefined ? { username: req.loginHint } : {});
  });

  app.post('/login', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const username = field(body, 'username') ?? '';
    if (!csrfMatches(request, body)) {
      // Cognito's behaviour is unconfirmed: we refuse with 403 and a fresh form (README).
      return render(request, reply, req, 403, { username, error: 'Your sign-in form expired. Please try again.' });
    }
    const password = field(body, 'password') ?? '';
    const user = username === '' ? undefined : findSignInUser(deps.store, req.pool, username);
    // The JSON API's lockout applies here too (reference §11.4).
    if (user && deps.lockout.isLocked(user)) return render(request, reply, req, 200, { username, error: PASSWORD_ATTEMPTS_EXCEEDED });
    if (!user || !user.Enabled || !(await deps.credentials.verify(user, password))) {
      if (user?.Enabled) deps.lockout.recordFailure(user);
      return render(request, reply, req, 200, { username, error: INCORRECT });
    }
    deps.lockout.recordSuccess(user);
    if (user.UserStatus === 'UNCONFIRMED') return render(request, reply, req, 200, { username, error: 'User is not confirmed.' });
    if (user.UserStatus === 'RESET_REQUIRED') {
      return render(request, reply, req, 200, { username, error: 'Password reset required for the user.' });
    }
    if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
      const challenge = newUuid();
      deps.passwordChallenges.set(challenge, { userPoolId: req.pool.Id, username: user.Username }, deps.clock.now() + CHALLENGE_SECONDS * 1000);
      return renderNewPassword(request, reply, deps, req, challenge, 200);
    }
    return signedIn(request, reply, deps, req, user);
  });
}

export function csrfMatches(request: FastifyRequest, body: Body): boolean {
  const cookie = readCookie(request, XSRF_COOKIE);
  const sent = field(body, '_csrf');
  return cookie !== undefined && sent !== undefined && safeEqual(cookie, sent);
}

export function renderNewPassword(
  request: FastifyRequest, reply: FastifyReply, deps: Deps, req: AuthorizeRequest, challenge: string, status: number, error?: string,
) {
  const csrf = issueXsrfToken(reply, deps.urls.secure);
  const view = newPasswordPage({
    action: formAction(request, '/forceChangePassword'), csrf, challenge, clientName: req.client.ClientName,
    ...(error !== undefined ? { error } : {}),
  });
  return pageHeaders(reply, deps.urls.secure).code(status).type('text/html; charset=utf-8').send(view.value);
}

/** Starts the browser session and sends the user back to the app with a code or tokens. */
export async function signedIn(request: FastifyRequest, reply: FastifyReply, deps: Deps, req: AuthorizeRequest, user: User) {
  const authTime = nowSeconds(deps);
  const sessionId = await deps.sessions.signIn(readCookie(request, SESSION_COOKIE), req.pool.Id, { username: user.Username, authTime });
  setSessionCookie(reply, sessionId, deps.urls.secure);
  issueXsrfToken(reply, deps.urls.secure);
  const location = await completeAuthorization(req, user, authTime, deps);
  return pageHeaders(reply, deps.urls.secure).redirect(location, 302);
}
