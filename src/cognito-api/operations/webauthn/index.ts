// Passkey (WebAuthn) operations and the user's sign-in factors.
import type { Operation } from '../../operation.js';
import { adminGetUserAuthFactors, getUserAuthFactors } from './get-user-auth-factors.js';
import { deleteWebAuthnCredential, listWebAuthnCredentials } from './list-web-authn-credentials.js';
import { completeWebAuthnRegistration, startWebAuthnRegistration } from './start-web-authn-registration.js';

export const WEBAUTHN_OPERATIONS: Record<string, Operation> = {
  StartWebAuthnRegistration: startWebAuthnRegistration,
  CompleteWebAuthnRegistration: completeWebAuthnRegistration,
  ListWebAuthnCredentials: listWebAuthnCredentials,
  DeleteWebAuthnCredential: deleteWebAuthnCredential,
  GetUserAuthFactors: getUserAuthFactors,
  AdminGetUserAuthFactors: adminGetUserAuthFactors,
};
