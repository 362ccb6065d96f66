// Passkey (WebAuthn) operations and the user's sign-in factors.
import type { Operation } from '../../operation.js';
import { adminGetUserAuthFactors, getUserAuthFactors } from './auth-factors.js';
import { deleteWebAuthnCredential, listWebAuthnCredentials } from './credentials.js';
import { completeWebAuthnRegistration, startWebAuthnRegistration } from './registration.js';

export const WEBAUTHN_OPERATIONS: Record<string, Operation> = {
  StartWebAuthnRegistration: startWebAuthnRegistration,
  CompleteWebAuthnRegistration: completeWebAuthnRegistration,
  ListWebAuthnCredentials: listWebAuthnCredentials,
  DeleteWebAuthnCredential: deleteWebAuthnCredential,
  GetUserAuthFactors: getUserAuthFactors,
  AdminGetUserAuthFactors: adminGetUserAuthFactors,
};
