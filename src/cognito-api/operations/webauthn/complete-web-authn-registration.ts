// CompleteWebAuthnRegistration: verifies the authenticator's RegistrationResponseJSON against the
// challenge StartWebAuthnRegistration handed out (same user and app client) and stores the credential.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
import type { CompleteWebAuthnRegistrationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { MAX_PASSKEYS, verifyRegistration } from '../../../webauthn/registration.js';
import { relyingPartyOrThrow } from '../../../webauthn/relying-party.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { tooMany } from './passkey-limit.js';

const notFound = () => new CognitoError('WebAuthnChallengeNotFoundException', 'The registration challenge was not found or has expired.');

export const completeWebAuthnRegistration: Operation<'clock' | 'keys' | 'store' | 'urls' | 'webAuthnRegistrations'> =
  (deps) => async (input) => {
    const { user, pool, client } = await userFromAccessToken(deps, input);
    relyingPartyOrThrow(pool, deps.urls);
    if (input.Credential === undefined || input.Credential === null) {
      throw new CognitoError(
        'InvalidParameterException',
        "1 validation error detected: Value null at 'credential' failed to satisfy constraint: Member must not be null",
      );
    }
    const pending = deps.webAuthnRegistrations.get(pool.Id, user.Username);
    if (!pending) throw notFound();
    if (pending.clientId !== client.ClientId) {
      throw new CognitoError(
        'WebAuthnClientMismatchException',
        'The access token is for a different app client than the one that started the registration.',
      );
    }
    const credential = await verifyRegistration(input.Credential, pending, deps.clock.now());
    // Claimed only once verified: a bad answer leaves the registration open for a good one.
    if (!(await deps.webAuthnRegistrations.take(pool.Id, user.Username))) throw notFound();
    const existing = deps.store.getWebAuthnCredentials(pool.Id, user.Username);
    if (existing.length >= MAX_PASSKEYS) throw tooMany();
    if (existing.some((c) => c.CredentialId === credential.CredentialId)) {
      throw new CognitoError('InvalidParameterException', 'This passkey is already registered for the user.');
    }
    await deps.store.putWebAuthnCredentials(pool.Id, user.Username, [...existing, credential]);
    return {} satisfies Wire<CompleteWebAuthnRegistrationResponse>;
  };
