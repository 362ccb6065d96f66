// GET/POST /login: Cognito's hosted sign-in page (reference §3.2, §3.3).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { safeEqual } from '../domain/passwords.js';
import { findSignInUser } from '../domain/users.js';
import { issueXsrfToken, readCookie, setSessionCookie, XSRF_COOKIE, SESSION_COOKIE } from '../http/cookies.js';
import { pageHeaders } from '../http/headers.js';
import { validateAuthorizeRequest, type AuthorizeRequest, type Query } from '../oauth/authorize-request.js';
import { completeAuthorization, nowSeconds } from '../oauth/complete-authorization.js';
import { redirectOnTriggerError } from '../oauth/trigger-errors.js';
import type { User } from '../domain/model.js';
import { signIn } from '../sign-in/sign-in.js';
import { renderChallenge } from './mfa.js';
import { newPasswordPage, signInPage } from './pages.js';
import { SIGN_IN_MESSAGES } from './sign-in-messages.js';

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
    // A failing trigger sends the browser back to the app with error_description, as Cognito does.
    const outcome = await redirectOnTriggerError(req, () => signIn({ deps, pool: req.pool, client: req.client }, user, { kind: 'password', password, login: username }));
    switch (outcome.kind) {
      case 'failed':
        return render(request, reply, req, 200, { username, error: SIGN_IN_MESSAGES[outcome.failure] });
      case 'challenge':
        return renderChallenge(request, reply, deps, req, outcome);
      case 'signed-in':
        return signedIn(request, reply, deps, req, outcome.user);
    }
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
  // First, so that a failing pre token generation trigger leaves no browser session behind.
  const location = await completeAuthorization(req, user, authTime, deps);
  const sessionId = deps.sessions.signIn(readCookie(request, SESSION_COOKIE), req.pool.Id, { username: user.Username, authTime });
  setSessionCookie(reply, sessionId, deps.urls.secure);
  issueXsrfToken(reply, deps.urls.secure);
  return pageHeaders(reply, deps.urls.secure).redirect(location, 302);
}
