// /signup, /confirm and /resendcode: self-registration on the hosted pages, with the JSON API's
// rules (src/self-service/registration.ts). A successful sign-up goes on to /confirm (when the pool
// sent a code) or back to /login; a confirmed account is signed in and sent to the app with a code,
// as Cognito does ("grants access to your app after you finish this process").
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-hosted-ui-user-sign-up.html
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { findSignInUser } from '../domain/users.js';
import { autoVerifyContact, maskDestination } from '../users/delivery.js';
import { validateAuthorizeRequest } from '../oauth/authorize-request.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import type { Query } from '../http/params.js';
import { confirmRegistration, codeMismatch, registerUser, resendRegistrationCode } from '../self-service/registration.js';
import { selfServiceUser } from '../self-service/users.js';
import { redirectOnTriggerError } from '../oauth/trigger-errors.js';
import { signIn } from '../sign-in/sign-in.js';
import { csrfMatches, field, formAction, pageQuery, redirectToPage, sendPage, type Body } from './form-page.js';
import { classicPage } from './layout.js';
import { selfServiceMessage } from './self-service-messages.js';
import { SIGN_IN_MESSAGES } from './sign-in-messages.js';
import { signedIn } from './signed-in.js';
import { confirmBody, signUpAttributes, signUpBody } from './signup-pages.js';

const EXPIRED = 'Your form expired. Please try again.';

export function signUpRoutes(app: FastifyInstance, deps: Deps): void {
  const renderSignUp = (
    request: FastifyRequest,
    reply: FastifyReply,
    req: AuthorizeRequest,
    status: number,
    values: Record<string, string> = {},
    error?: string,
  ) =>
    sendPage(reply, deps, status, (csrf) =>
      classicPage(
        signUpBody({
          action: formAction(request, '/signup'),
          csrf,
          query: pageQuery(request),
          pool: req.pool,
          values,
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
    username: string | undefined,
    error?: string,
  ) => {
    const user = username === undefined ? undefined : findSignInUser(deps.store, req.pool, username);
    const delivery = user && autoVerifyContact(req.pool, user);
    const query = pageQuery(request);
    const withUser = username === undefined ? query : pageQuery(request, { username });
    return sendPage(reply, deps, status, (csrf) =>
      classicPage(
        confirmBody({
          action: `/confirm?${withUser}`,
          resendAction: `/resendcode?${withUser}`,
          csrf,
          query,
          pool: req.pool,
          username,
          sentTo: delivery ? `${delivery.medium === 'SMS' ? 'by SMS' : 'by email'} to ${maskDestination(delivery)}` : undefined,
          ...(error ? { error } : {}),
        }),
        req,
      ),
    );
  };

  /** The username the page works on: the posted field, else the `username` the previous page passed on. */
  const usernameOf = (request: FastifyRequest, body?: Body) =>
    field(body, 'username') ?? (request.query as Record<string, unknown>).username;
  const asString = (value: unknown) => (typeof value === 'string' && value !== '' && value.length <= 128 ? value : undefined);

  app.get('/signup', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    return renderSignUp(request, reply, req, 200);
  });

  app.post('/signup', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const values: Record<string, string> = { username: field(body, 'username') ?? '' };
    const attributes: Record<string, string> = {};
    for (const name of signUpAttributes(req.pool)) {
      const value = field(body, `requiredAttributes[${name}]`);
      if (value !== undefined) attributes[name] = values[`requiredAttributes[${name}]`] = value;
    }
    if (!csrfMatches(request, body)) return renderSignUp(request, reply, req, 403, values, EXPIRED);
    const username = values.username ?? '';
    try {
      const { delivery } = await registerUser(deps, req.pool, req.client, username, field(body, 'password') ?? '', attributes, {
        sourceIp: request.ip,
      });
      if (!delivery) return redirectToPage(request, reply, deps, '/login', pageQuery(request));
      return redirectToPage(request, reply, deps, '/confirm', pageQuery(request, { username }));
    } catch (err) {
      return renderSignUp(request, reply, req, 200, values, selfServiceMessage(err, 'signup'));
    }
  });

  app.get('/confirm', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    return renderConfirm(request, reply, req, 200, asString(usernameOf(request)));
  });

  app.post('/confirm', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const username = asString(usernameOf(request, body));
    if (!csrfMatches(request, body)) return renderConfirm(request, reply, req, 403, username, EXPIRED);
    const ctx = { deps, pool: req.pool, client: req.client, sourceIp: request.ip };
    try {
      const user = selfServiceUser(deps, req.pool, req.client, username ?? '');
      if (!user) throw codeMismatch();
      const confirmed = await confirmRegistration(deps, req.pool, req.client, user, field(body, 'code') ?? '');
      // The code proves the user; the sign-in core still refuses a locked or disabled one. Its
      // triggers' failures go back to the app, as for any hosted sign-in.
      const outcome = await redirectOnTriggerError(req, () => signIn(ctx, confirmed, { kind: 'sign-up-code' }));
      if (outcome.kind === 'failed') return renderConfirm(request, reply, req, 200, username, SIGN_IN_MESSAGES[outcome.failure]);
      if (outcome.kind !== 'signed-in') return redirectToPage(request, reply, deps, '/login', pageQuery(request));
      return signedIn(request, reply, deps, req, outcome.user);
    } catch (err) {
      return renderConfirm(request, reply, req, 200, username, selfServiceMessage(err, 'confirm'));
    }
  });

  app.post('/resendcode', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const username = asString(usernameOf(request, body));
    if (!csrfMatches(request, body)) return renderConfirm(request, reply, req, 403, username, EXPIRED);
    try {
      const user = selfServiceUser(deps, req.pool, req.client, username ?? '');
      if (user) await resendRegistrationCode(deps, req.pool, req.client, user);
      return redirectToPage(request, reply, deps, '/confirm', pageQuery(request, { username: username ?? '' }));
    } catch (err) {
      return renderConfirm(request, reply, req, 200, username, selfServiceMessage(err, 'confirm'));
    }
  });
}
