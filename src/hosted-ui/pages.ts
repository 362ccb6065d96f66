// Pieces the classic hosted pages share: the description line, the error line, the texts that
// depend on what the pool signs users in with, and the /error page.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-ui-customization.html
import type { UserPool } from '../domain/model.js';
import { html, type SafeHtml } from './html.js';
import { singlePage } from './layout.js';

/** What a page needs besides its own fields: the CSRF token and the query its links carry on. */
export interface PageBase {
  csrf: string;
  /** The authorize query (client_id, redirect_uri, …) without page parameters. */
  query: string;
  pool: UserPool;
}

/** The page's description line; the trailing space in the class is Cognito's, and scripts match it exactly. */
export const description = (text: string): SafeHtml => html`<span class="textDescription-customizable ">${text}</span>`;

/** An error line (rendered only when there is an error). */
export const errorLine = (id: string, text: string | undefined, testId = 'page-error'): SafeHtml | '' =>
  text ? html`<p id="${id}" class="errorMessage-customizable" role="alert" data-testid="${testId}">${text}</p>` : '';

export const link = (path: string, query: string) => (query === '' ? path : `${path}?${query}`);

export const csrfInput = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}"/>`;

/** What the sign-in name is called on the pages, by the pool's UsernameAttributes. */
export interface LoginTexts {
  /** "Sign in with your … and password" */
  what: string;
  label: string;
  placeholder: string;
}

export function loginTexts(pool: UserPool): LoginTexts {
  const email = pool.UsernameAttributes.includes('email');
  const phone = pool.UsernameAttributes.includes('phone_number');
  if (email && phone) return { what: 'email or phone number', label: 'Email or phone number', placeholder: 'name@host.com' };
  if (email) return { what: 'email', label: 'Email', placeholder: 'name@host.com' };
  if (phone) return { what: 'phone number', label: 'Phone number', placeholder: '+12065551212' };
  return { what: 'username', label: 'Username', placeholder: 'Username' };
}

/** Cognito's /error page text. */
export function errorPage(error: string | undefined): SafeHtml {
  return singlePage(
    'Error',
    html`<h1>An error was encountered with the requested page.</h1>
${error ? html`<p class="errorMessage-customizable" id="errorMessage" data-testid="error-message">${error}</p>` : ''}`,
  );
}
