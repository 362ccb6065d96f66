// /forgotPassword and /confirmForgotPassword: a password reset on the hosted pages, with the JSON
// API's rules (src/self-service/password-reset.ts). The code goes to the user's verified contact
// (recorded for /_emulator/messages); a good code and new password lead back to /login.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-hosted-ui-user-forgot-password.html
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { findSignInUser } from '../domain/users.js';
import { maskDestination, recoveryContact } from '../users/delivery.js';
import { validateAuthorizeRequest } from '../oauth/authorize-request.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import type { Query } from '../http/params.js';
import { checkSelfServiceRecovery, resetPassword, resetUser, sendResetCode } from '../self-service/password-reset.js';
import { codeMismatch } from '../self-service/registration.js';
import { selfServiceUser } from '../self-service/users.js';
import { csrfMatches, field, formAction, pageQuery, redirectToPage, sendPage, type Body } from './form-page.js';
import { classicPage } from './layout.js';
import { PASSWORDS_DIFFER } from './new-password.js';
import { confirmForgotPasswordBody, forgotPasswordBody } from './reset-pages.js';
import { selfServiceMessage } from './self-service-messages.js';

const EXPIRED = 'Your form expired. Please try again.';

export function forgotPasswordRoutes(app: FastifyInstance, deps: Deps): void {
  const renderForgot = (
    request: FastifyRequest,
    reply: FastifyReply,
    req: AuthorizeRequest,
    status: number,
    username?: string,
    error?: string,
  ) =>
    sendPage(reply, deps, status, (csrf) =>
      classicPage(
        forgotPasswordBody({
          action: formAction(request, '/forgotPassword'),
          csrf,
          query: pageQuery(request),
          pool: req.pool,
          ...(username !== undefined ? { username } : {}),
          ...(error ? { error } : {}),
        }),
        req,
      ),
    );

  const renderConfirm = (
    request: FastifyRequest,
    reply: FastifyReply,
    req: AuthorizeRequest,
    status: number,
    username: string,
    error?: string,
  ) => {
    const user = findSignInUser(deps.store, req.pool, username);
    const delivery = user && recoveryContact(req.pool, user);
    return sendPage(reply, deps, status, (csrf) =>
      classicPage(
        confirmForgotPasswordBody({
          action: `/confirmForgotPassword?${pageQuery(request, { username })}`,
          csrf,
          query: pageQuery(request),
          pool: req.pool,
          username,
          delivery: delivery ? { destination: maskDestination(delivery), medium: delivery.medium } : undefined,
          ...(error ? { error } : {}),
        }),
        req,
      ),
    );
  };

  const usernameOf = (request: FastifyRequest, body?: Body) => {
    const value = field(body, 'username') ?? (request.query as Record<string, unknown>).username;
    return typeof value === 'string' && value.length <= 128 ? value : '';
  };

  app.get('/forgotPassword', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    return renderForgot(request, reply, req, 200);
  });

  app.post('/forgotPassword', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const username = usernameOf(request, body);
    if (!csrfMatches(request, body)) return renderForgot(request, reply, req, 403, username, EXPIRED);
    try {
      checkSelfServiceRecovery(req.pool);
      const user = await resetUser(deps, req.pool, req.client, username);
      // With PreventUserExistenceErrors ENABLED an unknown name goes on as if a code had been sent.
      if (user) await sendResetCode(deps, req.pool, req.client, user);
      return redirectToPage(request, reply, deps, '/confirmForgotPassword', pageQuery(request, { username }));
    } catch (err) {
      return renderForgot(request, reply, req, 200, username, selfServiceMessage(err, 'forgotPassword'));
    }
  });

  app.get('/confirmForgotPassword', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    return renderConfirm(request, reply, req, 200, usernameOf(request));
  });

  app.post('/confirmForgotPassword', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const username = usernameOf(request, body);
    if (!csrfMatches(request, body)) return renderConfirm(request, reply, req, 403, username, EXPIRED);
    const password = field(body, 'password') ?? '';
    if (password !== field(body, 'confirmPassword')) return renderConfirm(request, reply, req, 200, username, PASSWORDS_DIFFER);
    try {
      const user = selfServiceUser(deps, req.pool, req.client, username);
      if (!user) throw codeMismatch();
      await resetPassword(deps, req.pool, req.client, user, field(body, 'code') ?? '', password);
      return redirectToPage(request, reply, deps, '/login', pageQuery(request));
    } catch (err) {
      return renderConfirm(request, reply, req, 200, username, selfServiceMessage(err, 'confirmForgotPassword'));
    }
  });
}
