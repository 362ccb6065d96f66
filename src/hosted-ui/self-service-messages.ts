// The self-service pages' wire for Cognito's errors: the JSON API's message for the same case
// (both come from src/self-service/), except the rows below, which are what the hosted pages show.
import { CognitoError } from '../errors/cognito-error.js';

export type SelfServicePage = 'signup' | 'confirm' | 'forgotPassword' | 'confirmForgotPassword';

const ON_PAGE: Partial<Record<SelfServicePage, Partial<Record<string, string>>>> = {
  forgotPassword: {
    // What the page says for a name without an account (LEGACY clients; ENABLED ones move on as if a code went out).
    UserNotFoundException: 'Could not reset password for the account, please contact support or try again',
  },
};

/** The text a page shows for a refused request; anything but a CognitoError is a bug and is rethrown. */
export function selfServiceMessage(err: unknown, page: SelfServicePage): string {
  if (!(err instanceof CognitoError)) throw err;
  return ON_PAGE[page]?.[err.code] ?? err.message;
}
