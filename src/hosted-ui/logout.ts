// GET /logout (https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html). Not OIDC RP-initiated logout: it needs
// client_id plus either a
// registered logout_uri (sign out, go there, ignore everything else) or redirect_uri +
// response_type (sign out, then show /login for that authorize request). An unregistered
// logout_uri is never followed.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { ErrorPageRedirect } from '../errors/oauth-error.js';
import { clearSessionCookie, readCookie, SESSION_COOKIE } from '../http/cookies.js';
import { pagesOrigin } from '../http/page-origin.js';
import { param, type Query } from '../http/params.js';
import { validateAuthorizeRequest } from '../oauth/authorize-request.js';
import { withParams } from '../http/params.js';

export function logoutRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/logout', async (request, reply) => {
    const query = request.query as Query;
    const clientId = param(query, 'client_id');
    const client = typeof clientId === 'string' ? deps.store.getClient(clientId) : undefined;
    if (!client) throw new ErrorPageRedirect('invalid_request', typeof clientId === 'string' ? clientId : undefined);
    const signOut = () => {
      if (deps.sessions.signOut(readCookie(request, SESSION_COOKIE), client.UserPoolId)) clearSessionCookie(reply, deps.urls.secure);
    };

    const logoutUri = param(query, 'logout_uri');
    if (typeof logoutUri === 'string' && client.LogoutURLs.includes(logoutUri)) {
      signOut();
      return reply.redirect(logoutUri, 302);
    }
    // An unregistered logout_uri is ignored, so the request needs redirect_uri (observed Cognito).
    if (param(query, 'redirect_uri') === undefined) throw new ErrorPageRedirect('Required parameters missing', client.ClientId);
    const req = validateAuthorizeRequest(
      { ...query, ...(query.scope === undefined ? { scope: client.AllowedOAuthScopes.join(' ') } : {}) },
      deps.store,
    );
    signOut();
    const params: Array<[string, string]> = [
      ['client_id', client.ClientId],
      ['redirect_uri', req.redirectUri],
      ['response_type', req.responseType],
      ['scope', req.scopes.join(' ')],
    ];
    if (req.state !== undefined) params.push(['state', req.state]);
    if (req.nonce !== undefined) params.push(['nonce', req.nonce]);
    return reply.redirect(withParams(`${pagesOrigin(request, deps)}/login`, params), 302);
  });
}
