// GET/POST /login: Cognito's hosted sign-in page. The rules are the sign-in core's (src/sign-in/);
// this file renders the form and turns the core's outcome into a page, a challenge step or the
// redirect back to the app.
// https://docs.aws.amazon.com/cognito/latest/developerguide/login-endpoint.html
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { findSignInUser } from '../domain/users.js';
import { validateAuthorizeRequest } from '../oauth/authorize-request.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import type { Query } from '../http/params.js';
import { redirectOnTriggerError } from '../oauth/trigger-errors.js';
import { signIn } from '../sign-in/sign-in.js';
import { offeredProviders, providerButtons } from './idp-buttons.js';
import { csrfMatches, field, formAction, pageQuery, sendPage, type Body } from './form-page.js';
import { classicPage } from './layout.js';
import { renderChallenge } from './mfa.js';
import { signedIn } from './signed-in.js';
import { signInBody } from './sign-in-page.js';
import { SIGN_IN_MESSAGES, USERNAME_TOO_LONG } from './sign-in-messages.js';

export function renderSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  req: AuthorizeRequest,
  status: number,
  extra: { username?: string; error?: string } = {},
) {
  const providers = providerButtons(offeredProviders(deps.store, req.client), request.query as Query);
  return sendPage(reply, deps, status, (csrf) =>
    classicPage(
      signInBody({
        action: formAction(request, '/login'),
        csrf,
        query: pageQuery(request),
        pool: req.pool,
        clientName: req.client.ClientName,
        providers,
        ...extra,
      }),
      req,
    ),
  );
}

export function loginRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/login', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    return renderSignIn(request, reply, deps, req, 200, req.loginHint !== undefined ? { username: req.loginHint } : {});
  });

  app.post('/login', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const username = field(body, 'username') ?? '';
    if (!csrfMatches(request, body)) {
      // Cognito's behaviour is unconfirmed: we refuse with 403 and a fresh form (README).
      return renderSignIn(request, reply, deps, req, 403, { username, error: 'Your sign-in form expired. Please try again.' });
    }
    // Cognito's request validation, before any user is looked up.
    if (username.length > 128) return renderSignIn(request, reply, deps, req, 200, { username, error: USERNAME_TOO_LONG });
    const password = field(body, 'password') ?? '';
    const user = username === '' ? undefined : findSignInUser(deps.store, req.pool, username);
    // A failing trigger sends the browser back to the app with error_description, as Cognito does.
    const outcome = await redirectOnTriggerError(req, () =>
      signIn({ deps, pool: req.pool, client: req.client, sourceIp: request.ip }, user, { kind: 'password', password, login: username }),
    );
    switch (outcome.kind) {
      case 'failed':
        return renderSignIn(request, reply, deps, req, 200, { username, error: SIGN_IN_MESSAGES[outcome.failure] });
      case 'challenge':
        return renderChallenge(request, reply, deps, req, outcome);
      case 'signed-in':
        return signedIn(request, reply, deps, req, outcome.user);
    }
  });
}
