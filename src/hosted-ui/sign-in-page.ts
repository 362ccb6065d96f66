// The classic hosted UI's sign-in form, element for element as scripts written against Cognito
// find it: `form[name=cognitoSignInForm].cognito-asf` (action before name), `_csrf` first, then
// label / div > #signInFormUsername / label / div > #signInFormPassword, `cognitoAsfData`,
// `p#loginErrorMessage` as a direct child of the form, the "Forgot your password?" link,
// `input[name=signInSubmitButton][type=Submit]` and "Need an account? Sign up" (unless only
// administrators create users). The form sits in
// `div.panel.panel-left-border.col-md-6.col-lg-6 > div:nth-child(2) > div`, where Cognito puts it.
// data-testid attributes are the emulator's own, for new scripts.
import { html, type SafeHtml } from './html.js';
import { csrfInput, description, errorLine, link, loginTexts, type PageBase } from './pages.js';

export interface SignInView extends PageBase {
  /** The form's action: /login plus the original query string, escaped by `html`. */
  action: string;
  clientName: string;
  username?: string;
  error?: string;
  /** The identity-provider column (idp-buttons.ts), left of the form as on Cognito's page. */
  providers?: SafeHtml;
}

export function signInBody(v: SignInView): SafeHtml {
  const texts = loginTexts(v.pool);
  return html`<div>
${v.providers ?? ''}
<div class="panel panel-left-border col-md-6 col-lg-6">
<div></div>
<div><div>
${description(`Sign in with your ${texts.what} and password`)}
<p class="client-customizable">to continue to <strong data-testid="client-name">${v.clientName}</strong></p>
<form action="${v.action}" name="cognitoSignInForm" method="post" class="cognito-asf" data-testid="signin-form">${csrfInput(v.csrf)}<label \
for="signInFormUsername" class="label-customizable">${texts.label}</label><div>\
<input id="signInFormUsername" name="username" type="text" class="form-control inputField-customizable" placeholder="${texts.placeholder}" \
aria-label="${texts.label}" autocapitalize="none" autocomplete="username" required value="${v.username ?? ''}" \
data-testid="signin-username"></div><label for="signInFormPassword" class="label-customizable">Password</label><div>\
<input id="signInFormPassword" name="password" type="password" class="form-control inputField-customizable" placeholder="Password" \
aria-label="Password" autocomplete="current-password" required data-testid="signin-password"></div>
<input type="hidden" name="cognitoAsfData" value=""/>
${errorLine('loginErrorMessage', v.error, 'signin-error')}
<a class="redirect-customizable" href="${link('/forgotPassword', v.query)}">Forgot your password?</a>
<input name="signInSubmitButton" type="Submit" value="Sign in" class="btn btn-primary submitButton-customizable" aria-label="submit" \
data-testid="signin-submit">
${
  v.pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly === true
    ? ''
    : html`<div><p class="redirect-customizable">\
<span>Need an account?</span>&nbsp;<a href="${link('/signup', v.query)}">Sign up</a></p></div>`
}
</form>
</div></div>
</div>
</div>`;
}
