// The end of every successful hosted-page flow (sign-in, new password, confirmed sign-up): the
// browser session starts and the user goes back to the app with a code or tokens.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import type { User } from '../domain/model.js';
import { sessionSeconds } from '../domain/sso-session.js';
import { issueXsrfToken, readCookie, setSessionCookie, SESSION_COOKIE } from '../http/cookies.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import { completeAuthorization } from '../oauth/complete-authorization.js';
import { epochSeconds } from '../clock.js';

export async function signedIn(request: FastifyRequest, reply: FastifyReply, deps: Deps, req: AuthorizeRequest, user: User) {
  const authTime = epochSeconds(deps.clock.now());
  // First, so that a failing pre token generation trigger leaves no browser session behind.
  const location = await completeAuthorization(req, user, authTime, deps);
  const lifetime = sessionSeconds(req.pool, deps.store.listClients(req.pool.Id));
  const sessionId = await deps.sessions.signIn(
    readCookie(request, SESSION_COOKIE),
    req.pool.Id,
    { username: user.Username, authTime },
    lifetime,
  );
  setSessionCookie(reply, sessionId, lifetime, deps.urls.secure);
  issueXsrfToken(reply, deps.urls.secure);
  return reply.redirect(location, 302);
}
