// The refusal of a passkey beyond a user's limit, by StartWebAuthnRegistration and
// CompleteWebAuthnRegistration.
import { CognitoError } from '../../../errors/cognito-error.js';
import { MAX_PASSKEYS } from '../../../webauthn/registration.js';

export const tooMany = () => new CognitoError('LimitExceededException', `A user can register at most ${MAX_PASSKEYS} passkeys.`);
