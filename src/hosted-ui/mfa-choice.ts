// The hosted page where a user picks a second factor: "Choose a multi-factor authentication (MFA)
// method", shown when the user has more than one factor on and none preferred (SELECT_MFA_TYPE),
// and when a pool that requires MFA lets a user without one set up either an authenticator app or
// email (MFA_SETUP). Each factor is a submit button of its own (`mfa_type`); the path and the
// names are our choice (Cognito's are not public; CloudTrail calls the step MfaOption).
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import type { MfaFactor } from '../domain/model.js';
import { ErrorPageRedirect } from '../errors/oauth-error.js';
import { poolFactors, userFactors } from '../mfa/factors.js';
import { validateAuthorizeRequest } from '../oauth/authorize-request.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import type { Query } from '../http/params.js';
import { redirectOnTriggerError } from '../oauth/trigger-errors.js';
import { selectMfaType } from '../sign-in/mfa-answer.js';
import { csrfMatches, field, formAction, sendPage, type Body } from './form-page.js';
import { html } from './html.js';
import { classicPage } from './layout.js';
import { formStep, renderChallenge } from './mfa.js';
import { startSetup } from './mfa-setup.js';
import { csrfInput, description, errorLine } from './pages.js';
import { signedIn } from './signed-in.js';

const LABELS: Record<MfaFactor, { text: string; id: string }> = {
  SMS_MFA: { text: 'SMS', id: 'mfaTypeSms' },
  SOFTWARE_TOKEN_MFA: { text: 'Authenticator app', id: 'mfaTypeTotp' },
  EMAIL_OTP: { text: 'Email', id: 'mfaTypeEmail' },
};

/** Factors a user without one can set up on the hosted pages (SMS set-up needs a phone number page we do not have). */
export const setupFactors = (req: AuthorizeRequest): MfaFactor[] => poolFactors(req.pool).filter((f) => f !== 'SMS_MFA');

export function renderChoice(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  req: AuthorizeRequest,
  challenge: string,
  factors: readonly MfaFactor[],
  error?: string,
  status = 200,
) {
  return sendPage(reply, deps, status, (csrf) =>
    classicPage(
      html`<div><div>
${description('Choose a multi-factor authentication (MFA) method')}
<form action="${formAction(request, '/mfaOption')}" name="cognitoMfaOptionForm" method="post" \
data-testid="mfa-option-form">${csrfInput(csrf)}
<input type="hidden" name="challenge" value="${challenge}"/>
${errorLine('mfaOptionErrorMessage', error, 'mfa-option-error')}
${factors.map(
  (f) => html`<button type="submit" name="mfa_type" value="${f}" id="${LABELS[f].id}" class="btn btn-primary submitButton-customizable" \
data-testid="mfa-option-${f}">${LABELS[f].text}</button>
`,
)}</form>
</div></div>`,
      req.pool.HostedUIDesktopClass,
    ),
  );
}

export function mfaChoiceRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/mfaOption', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const { challenge, pending } = formStep(deps, req, body, (p) => p.challenge === 'SELECT_MFA_TYPE' || p.challenge === 'MFA_SETUP');
    const user = deps.store.getUser(pending.userPoolId, pending.username);
    if (!user) throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
    const factors = pending.challenge === 'SELECT_MFA_TYPE' ? userFactors(req.pool, user) : setupFactors(req);
    if (!csrfMatches(request, body))
      return renderChoice(request, reply, deps, req, challenge, factors, 'Your form expired. Please try again.', 403);
    const chosen = factors.find((f) => f === field(body, 'mfa_type'));
    if (chosen === undefined) return renderChoice(request, reply, deps, req, challenge, factors, 'Choose one of the methods below.');
    if (pending.challenge === 'MFA_SETUP') return startSetup(request, reply, deps, req, challenge, chosen);
    const ctx = { deps, pool: req.pool, client: req.client };
    const outcome = await redirectOnTriggerError(req, () => selectMfaType(ctx, challenge, chosen));
    // Answered meanwhile (another tab), or the user was disabled: start the sign-in again.
    if (outcome.kind === 'failed') throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
    if (outcome.kind === 'challenge') return renderChallenge(request, reply, deps, req, outcome);
    return signedIn(request, reply, deps, req, outcome.user);
  });
}
