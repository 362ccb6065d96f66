// The step a FORCE_CHANGE_PASSWORD user goes through on the hosted pages before continuing to the
// app: the sign-in POST renders this form, which posts to /forceChangePassword (the path and
// form name are our choice: Cognito's are not public, README). Its fields are the ones Cognito's
// password pages share: #new_password, #confirm_password, button[name=reset_password].
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { ErrorPageRedirect } from '../errors/oauth-error.js';
import { validateAuthorizeRequest } from '../oauth/authorize-request.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import type { Query } from '../http/params.js';
import { redirectOnTriggerError } from '../oauth/trigger-errors.js';
import { completeNewPassword } from '../sign-in/new-password.js';
import { csrfMatches, field, formAction, pageQuery, sendPage, type Body } from './form-page.js';
import { html } from './html.js';
import { classicPage } from './layout.js';
import { newPasswordFields } from './password-fields.js';
import { csrfInput, description, errorLine, link } from './pages.js';
import { renderChallenge } from './mfa.js';
import { signedIn } from './signed-in.js';

export const PASSWORDS_DIFFER = 'Passwords do not match.';

export function renderNewPassword(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  req: AuthorizeRequest,
  session: string,
  status: number,
  error?: string,
) {
  const action = formAction(request, '/forceChangePassword');
  const query = pageQuery(request);
  return sendPage(reply, deps, status, (csrf) =>
    classicPage(
      html`<div><div>
${description('Change Password')}
<p class="client-customizable">Please enter a new password for <strong data-testid="client-name">${req.client.ClientName}</strong>.</p>
<form action="${action}" name="cognitoNewPasswordForm" method="post" data-testid="new-password-form">${csrfInput(csrf)}
<input type="hidden" name="challenge" value="${session}"/>
${errorLine('newPasswordErrorMessage', error, 'new-password-error')}
${newPasswordFields()}
<a class="redirect-customizable" href="${link('/login', query)}">Return to login</a>
</form>
</div></div>`,
      req,
    ),
  );
}

export function newPasswordRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/forceChangePassword', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const session = field(body, 'challenge') ?? '';
    // A forged or expired step starts the sign-in again (checked before anything is shown back).
    if (!deps.signInChallenges.get(session)) throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
    const again = (error: string, status = 200) => renderNewPassword(request, reply, deps, req, session, status, error);
    if (!csrfMatches(request, body)) return again('Your form expired. Please try again.', 403);
    const password = field(body, 'password') ?? '';
    if (password !== field(body, 'confirmPassword')) return again(PASSWORDS_DIFFER);
    const outcome = await redirectOnTriggerError(req, () =>
      completeNewPassword({ deps, pool: req.pool, client: req.client, sourceIp: request.ip }, { session, password }),
    );
    switch (outcome.kind) {
      case 'failed':
        // A foreign step, a user disabled or deleted meanwhile: start the sign-in again.
        throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
      case 'invalid-password':
        return again(outcome.message);
      case 'challenge':
        return renderChallenge(request, reply, deps, req, outcome);
      case 'signed-in':
        return signedIn(request, reply, deps, req, outcome.user);
    }
  });
}
