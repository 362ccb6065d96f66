// Setting up a second factor on the hosted pages (MFA_SETUP), for a user of a pool that requires
// MFA who has none yet. "Set up authenticator app MFA": a QR code (drawn here, as an SVG image in
// the page: no request leaves the machine), the secret behind "Show secret key", a current code
// and an optional device name. Email: the address the codes go to, then the code page. The browser
// session starts only once the new factor has answered. Paths and names are our choice (README).
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import type { MfaFactor } from '../domain/model.js';
import { ErrorPageRedirect } from '../errors/oauth-error.js';
import { validateAuthorizeRequest } from '../oauth/authorize-request.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';
import type { Query } from '../http/params.js';
import { redirectOnTriggerError } from '../oauth/trigger-errors.js';
import { completeMfaSetup } from '../sign-in/mfa-answer.js';
import { associateInSession, verifyInSession } from '../sign-in/mfa-setup.js';
import { csrfMatches, field, formAction, sendPage, type Body } from './form-page.js';
import { html } from './html.js';
import { classicPage } from './layout.js';
import { formStep, renderChallenge } from './mfa.js';
import { setupFactors } from './mfa-choice.js';
import { csrfInput, description, errorLine } from './pages.js';
import { signedIn } from './signed-in.js';

/** The otpauth:// URI authenticator apps read (https://github.com/google/google-authenticator/wiki/Key-Uri-Format). */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
}

/**
 * The QR code of `text` as an image URL the page's CSP allows (img-src data:). The QR library is
 * imported on first use: few runs ever show this page, and start-up need not read it.
 */
async function qrImage(text: string): Promise<string> {
  const { renderSVG } = await import('uqr');
  return `data:image/svg+xml;base64,${Buffer.from(renderSVG(text, { border: 2 })).toString('base64')}`;
}

interface TotpView {
  challenge: string;
  secret: string;
  account: string;
  error?: string | undefined;
}

async function renderTotpSetup(request: FastifyRequest, reply: FastifyReply, deps: Deps, req: AuthorizeRequest, v: TotpView, status = 200) {
  const qr = await qrImage(otpauthUri(req.pool.Name, v.account, v.secret));
  return sendPage(reply, deps, status, (csrf) =>
    classicPage(
      html`<div><div>
${description('Set up authenticator app MFA')}
<p>Scan the QR code with your authenticator app, then enter a code it shows.</p>
<img id="totpQrCode" src="${qr}" width="200" height="200" alt="QR code for your authenticator app" data-testid="totp-qr"/>
<details><summary id="showSecretKey">Show secret key</summary><code id="totpSecretKey" data-testid="totp-secret">${v.secret}</code>\
</details>
<form action="${formAction(request, '/mfaSetup')}" name="cognitoMfaSetupForm" method="post" data-testid="mfa-setup-form">${csrfInput(csrf)}
<input type="hidden" name="challenge" value="${v.challenge}"/>
${errorLine('mfaSetupErrorMessage', v.error, 'mfa-setup-error')}
<label for="totpCodeInput" class="label-customizable">Code</label>
<input id="totpCodeInput" name="authentication_code" type="text" inputmode="numeric" autocomplete="one-time-code" class="form-control \
inputField-customizable" required data-testid="mfa-setup-code"/>
<label for="totpDeviceName" class="label-customizable">Device name (optional)</label>
<input id="totpDeviceName" name="device_name" type="text" maxlength="128" class="form-control inputField-customizable" \
data-testid="mfa-setup-device-name"/>
<input name="signInSubmitButton" type="submit" value="Sign in" class="btn btn-primary submitButton-customizable" \
data-testid="mfa-setup-submit"/>
</form>
</div></div>`,
      req.pool.HostedUIDesktopClass,
    ),
  );
}

function renderEmailSetup(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  req: AuthorizeRequest,
  challenge: string,
  error?: string,
  status = 200,
) {
  return sendPage(reply, deps, status, (csrf) =>
    classicPage(
      html`<div><div>
${description('Set up email MFA')}
<p>Enter the email address where you want to receive sign-in codes.</p>
<form action="${formAction(request, '/mfaSetup')}" name="cognitoMfaSetupForm" method="post" data-testid="mfa-setup-form">${csrfInput(csrf)}
<input type="hidden" name="challenge" value="${challenge}"/>
${errorLine('mfaSetupErrorMessage', error, 'mfa-setup-error')}
<label for="emailSetupInput" class="label-customizable">Email</label>
<input id="emailSetupInput" name="email" type="email" autocomplete="email" class="form-control inputField-customizable" required \
data-testid="mfa-setup-email"/>
<input name="sendCodeButton" type="submit" value="Send code" class="btn btn-primary submitButton-customizable" \
data-testid="mfa-setup-submit"/>
</form>
</div></div>`,
      req.pool.HostedUIDesktopClass,
    ),
  );
}

/** The set-up page for the factor chosen; an authenticator app gets its secret now. */
export async function startSetup(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  req: AuthorizeRequest,
  challenge: string,
  factor: MfaFactor,
) {
  if (factor === 'EMAIL_OTP') return renderEmailSetup(request, reply, deps, req, challenge);
  if (factor !== 'SOFTWARE_TOKEN_MFA') throw new ErrorPageRedirect('unsupported_mfa_step', req.client.ClientId);
  const account = deps.signInChallenges.get(challenge)?.username ?? '';
  const associated = await associateInSession(deps, challenge);
  // Answered meanwhile (another tab), or the user was disabled: start the sign-in again.
  if (typeof associated === 'string') throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
  return renderTotpSetup(request, reply, deps, req, { challenge: associated.session, secret: associated.secret, account });
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function mfaSetupRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/mfaSetup', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = request.body as Body;
    const { challenge, pending } = formStep(deps, req, body, (p) => p.challenge === 'MFA_SETUP' && !p.setupDone);
    const ctx = { deps, pool: req.pool, client: req.client };
    const { secret } = pending;
    // The email form (also after an authenticator secret was handed out, if the user went back).
    if (field(body, 'email') !== undefined) {
      if (!setupFactors(req).includes('EMAIL_OTP')) throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
      const again = (error: string, status = 200) => renderEmailSetup(request, reply, deps, req, challenge, error, status);
      if (!csrfMatches(request, body)) return again('Your form expired. Please try again.', 403);
      const email = (field(body, 'email') ?? '').trim();
      if (!EMAIL.test(email) || email.length > 2048) return again('Invalid email address format.');
      const outcome = await redirectOnTriggerError(req, () => completeMfaSetup(ctx, challenge, email));
      if (outcome.kind === 'challenge') return renderChallenge(request, reply, deps, req, outcome);
      throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
    }
    if (secret === undefined) throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
    const again = (error: string, status = 200) =>
      renderTotpSetup(request, reply, deps, req, { challenge, secret, account: pending.username, error }, status);
    if (!csrfMatches(request, body)) return again('Your form expired. Please try again.', 403);
    const code = (field(body, 'authentication_code') ?? '').trim();
    const name = (field(body, 'device_name') ?? '').trim().slice(0, 128);
    const verified = await verifyInSession(deps, challenge, code, name === '' ? undefined : name);
    if (verified === 'code-mismatch') return again('Code mismatch and fail enable Software Token MFA');
    if (typeof verified === 'string') throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
    const outcome = await redirectOnTriggerError(req, () => completeMfaSetup(ctx, verified.session, undefined));
    if (outcome.kind === 'signed-in') return signedIn(request, reply, deps, req, outcome.user);
    if (outcome.kind === 'challenge') return renderChallenge(request, reply, deps, req, outcome);
    throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
  });
}
