// Passkey (WebAuthn) operations and the user's sign-in factors.
import type { Operation } from '../../operation.js';
import { adminGetUserAuthFactors } from './admin-get-user-auth-factors.js';
import { completeWebAuthnRegistration } from './complete-web-authn-registration.js';
import { deleteWebAuthnCredential } from './delete-web-authn-credential.js';
import { getUserAuthFactors } from './get-user-auth-factors.js';
import { listWebAuthnCredentials } from './list-web-authn-credentials.js';
import { startWebAuthnRegistration } from './start-web-authn-registration.js';

export const WEBAUTHN_OPERATIONS: Record<string, Operation> = {
  StartWebAuthnRegistration: startWebAuthnRegistration,
  CompleteWebAuthnRegistration: completeWebAuthnRegistration,
  ListWebAuthnCredentials: listWebAuthnCredentials,
  DeleteWebAuthnCredential: deleteWebAuthnCredential,
  GetUserAuthFactors: getUserAuthFactors,
  AdminGetUserAuthFactors: adminGetUserAuthFactors,
};
