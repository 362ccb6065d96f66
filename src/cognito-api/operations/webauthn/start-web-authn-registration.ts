// StartWebAuthnRegistration / CompleteWebAuthnRegistration: a signed-in user (access token)
// registers a passkey. Start hands out CredentialCreationOptions and remembers its challenge for
// the user and app client; Complete verifies the authenticator's RegistrationResponseJSON against
// it and stores the credential.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
import type { CompleteWebAuthnRegistrationResponse, StartWebAuthnRegistrationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { creationOptions, MAX_PASSKEYS, newChallenge, verifyRegistration } from '../../../webauthn/registration.js';
import { relyingPartyOrThrow } from '../../../webauthn/relying-party.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';

const tooMany = () => new CognitoError('LimitExceededException', `A user can register at most ${MAX_PASSKEYS} passkeys.`);
const notFound = () => new CognitoError('WebAuthnChallengeNotFoundException', 'The registration challenge was not found or has expired.');

export const startWebAuthnRegistration: Operation<'clock' | 'keys' | 'store' | 'urls' | 'webAuthnRegistrations'> =
  (deps) => async (input) => {
    const { user, pool, client } = await userFromAccessToken(deps, input);
    const rp = relyingPartyOrThrow(pool, deps.urls);
    const existing = deps.store.getWebAuthnCredentials(pool.Id, user.Username);
    if (existing.length >= MAX_PASSKEYS) throw tooMany();
    const challenge = newChallenge();
    deps.webAuthnRegistrations.start(pool.Id, user.Username, {
      challenge,
      clientId: client.ClientId,
      rpId: rp.id,
      userVerification: rp.userVerification,
    });
    return { CredentialCreationOptions: creationOptions(user, rp, challenge, existing) } satisfies Wire<StartWebAuthnRegistrationResponse>;
  };

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
