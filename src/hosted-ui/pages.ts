// The hosted pages' markup. The sign-in form keeps the classic hosted UI's names and ids
// (reference §3.2; design.md §1.3) so scripts written against real Cognito find their elements,
// and adds data-testid attributes for new scripts.
import { html, type SafeHtml } from './html.js';
import { page } from './layout.js';

export interface SignInView {
  /** The form's action: /login plus the original query string, escaped by `html`. */
  action: string;
  csrf: string;
  clientName: string;
  username?: string;
  error?: string;
  /** The identity-provider buttons (src/federation/buttons.ts). */
  providers?: SafeHtml;
}

export function signInPage(v: SignInView): SafeHtml {
  return page('Signin', html`<h1>Sign in with your username and password</h1>
<p class="client">to continue to <strong data-testid="client-name">${v.clientName}</strong></p>
${v.providers ?? ''}
<form name="cognitoSignInForm" method="post" action="${v.action}" class="cognito-asf" data-testid="signin-form" novalidate>
<input type="hidden" name="_csrf" value="${v.csrf}">
<input type="hidden" name="cognitoAsfData" value="">
${v.error ? html`<p id="loginErrorMessage" class="error" role="alert" data-testid="signin-error">${v.error}</p>` : ''}
<label for="signInFormUsername">Username</label>
<input id="signInFormUsername" name="username" type="text" class="form-control inputField-customizable" placeholder="Username" autocapitalize="none" autocomplete="username" required value="${v.username ?? ''}" data-testid="signin-username">
<label for="signInFormPassword">Password</label>
<input id="signInFormPassword" name="password" type="password" class="form-control inputField-customizable" placeholder="Password" autocomplete="current-password" required data-testid="signin-password">
<input name="signInSubmitButton" type="submit" value="Sign in" class="btn btn-primary submitButton-customizable" aria-label="submit" data-testid="signin-submit">
</form>`);
}

export interface NewPasswordView {
  action: string;
  csrf: string;
  challenge: string;
  clientName: string;
  error?: string;
}

/** Shown to a FORCE_CHANGE_PASSWORD user after the temporary password was accepted. */
export function newPasswordPage(v: NewPasswordView): SafeHtml {
  return page('Change Password', html`<h1>Change Password</h1>
<p class="client">Please enter a new password for <strong data-testid="client-name">${v.clientName}</strong>.</p>
<form name="cognitoNewPasswordForm" method="post" action="${v.action}" data-testid="new-password-form" novalidate>
<input type="hidden" name="_csrf" value="${v.csrf}">
<input type="hidden" name="challenge" value="${v.challenge}">
${v.error ? html`<p id="newPasswordErrorMessage" class="error" role="alert" data-testid="new-password-error">${v.error}</p>` : ''}
<label for="new_password">New Password</label>
<input id="new_password" name="password" type="password" autocomplete="new-password" required data-testid="new-password">
<label for="confirm_password">Enter New Password Again</label>
<input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required data-testid="confirm-password">
<input name="reset_password" type="submit" value="Send" class="btn btn-primary submitButton-customizable" data-testid="new-password-submit">
</form>`);
}

/** Cognito's /error page text (reference §2.5(a)). */
export function errorPage(error: string | undefined): SafeHtml {
  return page('Error', html`<h1>An error was encountered with the requested page.</h1>
${error ? html`<p class="error" id="errorMessage" data-testid="error-message">${error}</p>` : ''}`);
}
