// The new-password fields Cognito's change-password and reset-password pages share (the page
// script of the classic UI targets these ids): #new_password, #confirm_password and the
// "Change Password" button named reset_password.
import { html, type SafeHtml } from './html.js';

export function newPasswordFields(): SafeHtml {
  return html`<label for="new_password" class="label-customizable">New Password</label>
<div><input id="new_password" name="password" type="password" class="form-control inputField-customizable" placeholder="New Password" \
aria-label="New Password" autocomplete="new-password" required data-testid="new-password"></div>
<label for="confirm_password" class="label-customizable">Enter New Password Again</label>
<div><input id="confirm_password" name="confirmPassword" type="password" class="form-control inputField-customizable" placeholder="Enter \
New Password Again" aria-label="Enter New Password Again" autocomplete="new-password" required data-testid="confirm-password"></div>
<button name="reset_password" type="submit" class="btn btn-primary submitButton-customizable" data-testid="new-password-submit">Change \
Password</button>`;
}
