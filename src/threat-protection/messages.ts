// Cognito's wording when threat protection refuses something.
/** A sign-in refused by threat protection (NotAuthorizedException). */
export const SECURITY_BLOCK = 'Unable to login because of security reasons.';
/** A new password found among compromised ones (InvalidPasswordException), as Cognito words it. */
export const COMPROMISED_PASSWORD = 'Provided password cannot be used for security reasons.';
