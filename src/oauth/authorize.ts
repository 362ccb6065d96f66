// GET /oauth2/authorize: a pure redirector (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html).
// Valid requests go to /login with the same query, or straight back to the app when the browser has
// a session for the pool (unless prompt=login; prompt=none without a session is login_required).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { RedirectableError } from '../errors/oauth-error.js';
import { readCookie, SESSION_COOKIE } from '../http/cookies.js';
import { validateAuthorizeRequest } from './authorize-request.js';
import type { Query } from '../http/params.js';
import { pagesOrigin } from '../http/page-origin.js';
import { completeAuthorization } from './complete-authorization.js';
import { requestedProvider, startFederation } from '../federation/start.js';
import { reusesSession } from '../domain/sso-session.js';

export function authorizeRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/oauth2/authorize', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    // A named provider: straight there, without the pool's sign-in page.
    const provider = requestedProvider(request.query as Query, req, deps.store);
    if (provider) return reply.redirect(await startFederation(req, provider, pagesOrigin(request, deps), deps), 302);
    const forceLogin = req.prompt.includes('login');
    const found = forceLogin ? undefined : deps.sessions.find(readCookie(request, SESSION_COOKIE), req.pool.Id);
    // With session tracking, each app client reuses the session only for its SSOSession validity.
    const session = found && reusesSession(req.pool, req.client, found.authTime, Math.floor(deps.clock.now() / 1000)) ? found : undefined;
    const user = session ? deps.store.getUser(req.pool.Id, session.username) : undefined;
    if (session && user?.Enabled && (user.UserStatus === 'CONFIRMED' || user.UserStatus === 'EXTERNAL_PROVIDER')) {
      return reply.redirect(await completeAuthorization(req, user, session.authTime, deps), 302);
    }
    if (req.prompt.includes('none')) {
      const state: Array<[string, string]> = req.state !== undefined ? [['state', req.state]] : [];
      throw new RedirectableError(req.redirectUri, [['error', 'login_required'], ...state]);
    }
    // Absolute, as Cognito's: scripted flows post to the Location they were sent to as is.
    const q = request.url.indexOf('?');
    return reply.redirect(`${pagesOrigin(request, deps)}/login${q < 0 ? '' : request.url.slice(q)}`, 302);
  });
}
