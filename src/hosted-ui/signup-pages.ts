// The classic hosted UI's sign-up and confirmation pages. /signup keeps the saved real page's
// markup: `form[name=signupform].cognito-asf`, `input[name=username]` (no id),
// `requiredAttributes[<name>]` inputs, the password checklist divs (`checkPassword-lowerletter`, …),
// `button[name=signUpButton]` "Sign up" and "Already have an account? Sign in". /confirm asks for
// the code in `#verification_code` and offers a new code (posted to /resendcode).
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-hosted-ui-user-sign-up.html
import type { PasswordPolicy, UserPool } from '../domain/model.js';
import { DEFAULT_PASSWORD_POLICY } from '../domain/password-policy.js';
import { requiredAttributes } from '../domain/schema.js';
import { html, type SafeHtml } from './html.js';
import { csrfInput, description, errorLine, link, loginTexts, type PageBase } from './pages.js';

/**
 * The attributes the sign-up page asks for: those the pool's schema requires, then the contact
 * attributes it verifies automatically (the code must go somewhere), except the username itself.
 */
export function signUpAttributes(pool: UserPool): string[] {
  const verified = ['email', 'phone_number'].filter((name) => pool.AutoVerifiedAttributes.includes(name));
  return [...new Set([...requiredAttributes(pool), ...verified])].filter((name) => !pool.UsernameAttributes.includes(name));
}

const CONTACT_INPUTS: Partial<Record<string, { type: string; placeholder: string }>> = {
  email: { type: 'email', placeholder: 'name@host.com' },
  phone_number: { type: 'tel', placeholder: '+12065551212' },
};

/** "Given name" for given_name, as the saved page labels it. */
const attributeLabel = (name: string) => {
  const words = name.replace(/^custom:/, '').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The checklist rows Cognito's page fills in as the password is typed: only the rules the pool requires. */
function passwordChecks(policy: PasswordPolicy): SafeHtml {
  const rows: Array<[string, string]> = [];
  if (policy.RequireLowercase) rows.push(['lowerletter', 'Password must contain a lower case letter']);
  if (policy.RequireUppercase) rows.push(['upperletter', 'Password must contain an upper case letter']);
  if (policy.RequireNumbers) rows.push(['numbers', 'Password must contain a number']);
  if (policy.RequireSymbols) rows.push(['symbols', 'Password must contain a special character']);
  rows.push(['length', `Password must contain at least ${policy.MinimumLength} characters`]);
  return html`<div><div>${rows.map(
    ([kind, text]) => html`<div class="checkPassword-${kind}">\
<span aria-hidden="true" class="check-${kind}"></span><span class="checkPasswordText-${kind}">${text}</span></div>`,
  )}</div></div>`;
}

export interface SignUpView extends PageBase {
  action: string;
  values: Record<string, string>;
  error?: string;
}

export function signUpBody(v: SignUpView): SafeHtml {
  const texts = loginTexts(v.pool);
  return html`<div><div>
${description('Sign up with a new account')}
<form action="${v.action}" name="signupform" method="post" class="cognito-asf" data-testid="signup-form">${csrfInput(v.csrf)}
${errorLine('errorMessage', v.error)}
<label class="label-customizable">${texts.label}</label>
<div><input name="username" type="text" value="${v.values.username ?? ''}" autocapitalize="none" class="form-control \
inputField-customizable" placeholder="${texts.placeholder}" required aria-label="${texts.label}"></div>
${signUpAttributes(v.pool).map((name) => {
  const input = CONTACT_INPUTS[name] ?? { type: 'text', placeholder: '' };
  const key = `requiredAttributes[${name}]`;
  const label = attributeLabel(name);
  return html`<div><label class="label-customizable">${label}</label><div>\
<input type="${input.type}" name="${key}" value="${v.values[key] ?? ''}" class="form-control inputField-customizable" \
placeholder="${input.placeholder}" required aria-label="${label}"></div></div>`;
})}
<label class="label-customizable">Password</label>
<input name="password" type="password" value="" class="form-control inputField-customizable" placeholder="Password" required \
aria-label="Password" autocomplete="new-password">
${passwordChecks(v.pool.Policies?.PasswordPolicy ?? DEFAULT_PASSWORD_POLICY)}
<button type="submit" name="signUpButton" class="btn btn-primary signUpButton submitButton-customizable">Sign up</button>
<p class="redirect-customizable"><span>Already have an account?</span>&nbsp;<a href="${link('/login', v.query)}">Sign in</a></p>
</form>
</div></div>`;
}

export interface ConfirmView extends PageBase {
  action: string;
  resendAction: string;
  /** The username as the user gave it; a visible field when unknown. */
  username: string | undefined;
  /** "by email to a***@e***.com" and the like, when a code was sent. */
  sentTo: string | undefined;
  error?: string;
}

export function confirmBody(v: ConfirmView): SafeHtml {
  const sent = v.sentTo
    ? `We have sent a code ${v.sentTo}. Enter it below to confirm your account.`
    : 'Enter the code we sent you to confirm your account.';
  const username =
    v.username !== undefined
      ? html`<input type="hidden" name="username" value="${v.username}"/>`
      : html`<label class="label-customizable">${loginTexts(v.pool).label}</label><div>\
<input id="username" name="username" type="text" class="form-control inputField-customizable" \
placeholder="${loginTexts(v.pool).placeholder}" autocapitalize="none" required></div>`;
  return html`<div><div>
${description('Confirm your account')}
<span id="text-code" class="textDescription-customizable">${sent}</span>
<form action="${v.action}" name="confirmForm" method="post" class="cognito-asf" data-testid="confirm-form">${csrfInput(v.csrf)}
${errorLine('errorMessage', v.error)}
${username}
<label for="verification_code" class="label-customizable">Verification Code</label>
<div><input id="verification_code" name="code" type="text" class="form-control inputField-customizable" placeholder="Enter code" \
autocomplete="one-time-code" required aria-label="Verification Code"></div>
<button type="submit" name="confirm" class="btn btn-primary submitButton-customizable">Confirm Account</button>
</form>
${
  v.username !== undefined
    ? html`<form action="${v.resendAction}" name="resendcodeform" method="post">${csrfInput(v.csrf)}<input \
type="hidden" name="username" value="${v.username}"/><p class="redirect-customizable">\
<span>Didn't receive a code?</span>&nbsp;<button type="submit" name="resend" class="btn btn-link redirect-customizable">Send a new \
code</button></p></form>`
    : ''
}
</div></div>`;
}
