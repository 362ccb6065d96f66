// The end of every successful hosted-page flow (sign-in, new password, confirmed sign-up): the
// browser session starts and the user goes back to the app with a code or tokens.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import type { User } from '../domain/model.js';
import { issueXsrfToken, readCookie, setSessionCookie, SESSION_COOKIE } from '../http/cookies.js';
import type { AuthorizeRequest } from '../oauth/authorize-request.js';
import { completeAuthorization, nowSeconds } from '../oauth/complete-authorization.js';

export async function signedIn(request: FastifyRequest, reply: FastifyReply, deps: Deps, req: AuthorizeRequest, user: User) {
  const authTime = nowSeconds(deps);
  // First, so that a failing pre token generation trigger leaves no browser session behind.
  const location = await completeAuthorization(req, user, authTime, deps);
  const sessionId = await deps.sessions.signIn(readCookie(request, SESSION_COOKIE), req.pool.Id, { username: user.Username, authTime });
  setSessionCookie(reply, sessionId, deps.urls.secure);
  issueXsrfToken(reply, deps.urls.secure);
  return reply.redirect(location, 302);
}
