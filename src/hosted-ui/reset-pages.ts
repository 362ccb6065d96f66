// The classic hosted UI's forgotten-password pages. /forgotPassword: `h1` "Forgot your password?"
// and the instruction `span` at modal-body/div/div, `input#username`, `button[name=reset_my_password]`
// "Reset my password", errors in `#errorMessage`. /confirmForgotPassword: hidden `#username`,
// `#destination`, `#deliveryMedium`, `span#text-code`, `#forgot_password_code[name=code]`, then the
// shared new-password fields.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-hosted-ui-user-forgot-password.html
import { html, type SafeHtml } from './html.js';
import { csrfInput, errorLine, link, loginTexts, type PageBase } from './pages.js';
import { newPasswordFields } from './password-fields.js';

export interface ForgotPasswordView extends PageBase {
  action: string;
  username?: string;
  error?: string;
}

export function forgotPasswordBody(v: ForgotPasswordView): SafeHtml {
  const { label } = loginTexts(v.pool);
  return html`<div><div>
<h1>Forgot your password?</h1>
<span>Enter your ${label} below and we will send a message to reset your password</span>
<form action="${v.action}" name="forgotpasswordform" method="post" class="cognito-asf" \
data-testid="forgot-password-form">${csrfInput(v.csrf)}
${errorLine('errorMessage', v.error)}
<input name="username" id="username" class="form-control inputField-customizable" type="text" placeholder="${label}" autocapitalize="none" \
required aria-label="${label}" value="${v.username ?? ''}">
<button name="reset_my_password" type="submit" class="btn btn-primary submitButton-customizable">Reset my password</button>
</form>
<a class="redirect-customizable" href="${link('/login', v.query)}">Back to sign in</a>
</div></div>`;
}

export interface ConfirmForgotPasswordView extends PageBase {
  action: string;
  username: string;
  /** Masked destination and medium of the code, when one went out. */
  delivery: { destination: string; medium: 'EMAIL' | 'SMS' } | undefined;
  error?: string;
}

export function confirmForgotPasswordBody(v: ConfirmForgotPasswordView): SafeHtml {
  const how = v.delivery ? ` ${v.delivery.medium === 'SMS' ? 'by SMS' : 'by email'} to ${v.delivery.destination}` : '';
  return html`<div><div>
<form action="${v.action}" name="confirmforgotpasswordform" method="post" class="cognito-asf" \
data-testid="confirm-forgot-password-form">${csrfInput(v.csrf)}
<input type="hidden" id="username" name="username" value="${v.username}"/>
<input type="hidden" id="destination" name="destination" value="${v.delivery?.destination ?? ''}"/>
<input type="hidden" id="deliveryMedium" name="deliveryMedium" value="${v.delivery?.medium ?? ''}"/>
<div id="div-forgot-password-msg">\
<span id="text-code">We have sent a password reset code${how}. Enter it below to reset your password.</span></div>
${errorLine('errorMessage', v.error)}
<label for="forgot_password_code" class="label-customizable">Code</label>
<div><input id="forgot_password_code" name="code" type="password" class="form-control inputField-customizable" placeholder="Code" \
autocomplete="one-time-code" required aria-label="Code"></div>
${newPasswordFields()}
</form>
</div></div>`;
}
