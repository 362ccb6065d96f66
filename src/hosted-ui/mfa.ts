// The hosted MFA code page: after the password, a user whose second factor is an authenticator app,
// an SMS or an email code enters it on an additional page; the browser session (cookie) starts only
// once the code is right. renderChallenge sends every pending step to its page (choosing a factor
// and setting one up: mfa-choice.ts, mfa-setup.ts). Field names follow captures of the classic page (`authentication_code`,
// `totpCodeInput`); the path and the other fields are our choice (README).
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contactDelivery, maskDestination } from '../users/delivery.js';
import type { Deps } from '../deps.js';
import { ErrorPageRedirect } from '../errors/oauth-error.js';
import { validateAuthorizeRequest } from '../oauth/authorize-request.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import type { Query } from '../http/params.js';
import { redirectOnTriggerError } from '../oauth/trigger-errors.js';
import { answerMfaCode, type CodeChallenge } from '../sign-in/mfa-answer.js';
import type { SignInSuccess } from '../sign-in/outcome.js';
import type { PendingChallenge } from '../state/sign-in-challenges.js';
import { csrfMatches, field, formAction, sendPage, type Body } from './form-page.js';
import { html } from './html.js';
import { classicPage } from './layout.js';
import { renderNewPassword } from './new-password.js';
import type { MfaFactor } from '../domain/model.js';
import { userFactors } from '../mfa/factors.js';
import { renderChoice, setupFactors } from './mfa-choice.js';
import { startSetup } from './mfa-setup.js';
import { csrfInput, description, errorLine } from './pages.js';
import { signedIn } from './signed-in.js';

const CODE_PAGES = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'] as const;
type CodePage = (typeof CODE_PAGES)[number];

interface MfaView {
  challenge: string;
  kind: CodePage;
  destination?: string | undefined;
  error?: string;
}

function renderMfa(request: FastifyRequest, reply: FastifyReply, deps: Deps, req: AuthorizeRequest, v: MfaView, status = 200) {
  const totp = v.kind === 'SOFTWARE_TOKEN_MFA';
  const input = totp ? 'totpCodeInput' : 'smsCodeInput';
  const prompt = totp
    ? html`<p>Enter the code from your authenticator app.</p>`
    : html`<p>We have delivered the authentication code to <strong data-testid="mfa-destination">${v.destination ?? ''}</strong>. Please \
enter the code below.</p>`;
  return sendPage(reply, deps, status, (csrf) =>
    classicPage(
      html`<div><div>
${description(totp ? 'Authenticator app' : 'Verification code')}
${prompt}
<form action="${formAction(request, '/mfa')}" name="cognitoMfaForm" method="post" data-testid="mfa-form">${csrfInput(csrf)}
<input type="hidden" name="challenge" value="${v.challenge}"/>
${errorLine('mfaErrorMessage', v.error, 'mfa-error')}
<label for="${input}" class="label-customizable">Code</label>
<input id="${input}" name="authentication_code" type="text" inputmode="numeric" autocomplete="one-time-code" class="form-control \
inputField-customizable" required data-testid="mfa-code"/>
<input name="signInSubmitButton" type="submit" value="Sign in" class="btn btn-primary submitButton-customizable" data-testid="mfa-submit"/>
</form>
</div></div>`,
      req,
    ),
  );
}

/** The page for a pending challenge: a new password, or a second factor's code. */
export function renderChallenge(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  req: AuthorizeRequest,
  outcome: SignInSuccess & { kind: 'challenge' },
) {
  if (outcome.challenge === 'NEW_PASSWORD_REQUIRED') return renderNewPassword(request, reply, deps, req, outcome.session, 200);
  if (outcome.challenge === 'SELECT_MFA_TYPE') {
    return renderChoice(request, reply, deps, req, outcome.session, userFactors(req.pool, outcome.user));
  }
  if (outcome.challenge === 'MFA_SETUP') {
    const factors = setupFactors(req);
    // One factor to set up: its page at once; several: the user chooses.
    if (factors.length === 1) return startSetup(request, reply, deps, req, outcome.session, factors[0] as MfaFactor);
    // Only SMS (a user without a phone number in a pool without TOTP or email MFA): no page for it.
    if (factors.length === 0) throw new ErrorPageRedirect('unsupported_mfa_step', req.client.ClientId);
    return renderChoice(request, reply, deps, req, outcome.session, factors);
  }
  const kind = CODE_PAGES.find((c) => c === outcome.challenge);
  // Device and first-factor challenges never come out of the hosted sign-in: refused loudly.
  if (kind === undefined) throw new ErrorPageRedirect('unsupported_mfa_step', req.client.ClientId);
  return renderMfa(request, reply, deps, req, {
    challenge: outcome.session,
    kind,
    destination: outcome.parameters?.CODE_DELIVERY_DESTINATION,
  });
}

/** The masked phone number or address the code went to, for the page's text. */
function destinationOf(deps: Deps, userPoolId: string, username: string, kind: CodePage, setupEmail?: string): string | undefined {
  if (kind === 'SOFTWARE_TOKEN_MFA') return undefined;
  const attribute = kind === 'SMS_MFA' ? 'phone_number' : 'email';
  const value = setupEmail ?? deps.store.getUser(userPoolId, username)?.Attributes[attribute];
  return value === undefined ? undefined : maskDestination(contactDelivery(attribute, value));
}

/**
 * The pending step a hosted MFA form names, in this pool and client. A forged, expired, answered or
 * foreign one starts the sign-in again, before anything is shown back.
 */
export function formStep(
  deps: Deps,
  req: AuthorizeRequest,
  body: Body,
  accept: (p: PendingChallenge) => boolean,
): { challenge: string; pending: PendingChallenge } {
  const challenge = field(body, 'challenge') ?? '';
  const pending = deps.signInChallenges.get(challenge);
  if (!pending || pending.userPoolId !== req.pool.Id || pending.clientId !== req.client.ClientId || !accept(pending)) {
    throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
  }
  return { challenge, pending };
}

const MESSAGES: Record<string, string> = {
  'code-mismatch': 'Invalid code received for user',
  'code-reused': 'Your software token has already been used once.',
};

export function mfaRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/mfa', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const { challenge, pending } = formStep(deps, req, body, (p) => CODE_PAGES.some((c) => c === p.challenge));
    const kind = CODE_PAGES.find((c) => c === pending.challenge) as CodePage;
    const destination = destinationOf(deps, pending.userPoolId, pending.username, kind, pending.setupEmail);
    const again = (error: string, status = 200) => renderMfa(request, reply, deps, req, { challenge, kind, destination, error }, status);
    if (!csrfMatches(request, body)) return again('Your form expired. Please try again.', 403);
    const code = (field(body, 'authentication_code') ?? '').trim();
    const outcome = await redirectOnTriggerError(req, () =>
      answerMfaCode({ deps, pool: req.pool, client: req.client, sourceIp: request.ip }, challenge, kind as CodeChallenge, code),
    );
    if (outcome.kind === 'signed-in') return signedIn(request, reply, deps, req, outcome.user);
    if (outcome.kind === 'challenge') return renderChallenge(request, reply, deps, req, outcome);
    const message = MESSAGES[outcome.failure];
    // Expired or forged step, a user disabled meanwhile: start the sign-in again.
    if (message === undefined) throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
    return again(message);
  });
}
