// StartWebAuthnRegistration: a signed-in user (access token) starts registering a passkey. It hands
// out CredentialCreationOptions and remembers its challenge for the user and app client, for
// CompleteWebAuthnRegistration.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html
import type { StartWebAuthnRegistrationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { creationOptions, MAX_PASSKEYS, newChallenge } from '../../../webauthn/registration.js';
import { relyingPartyOrThrow } from '../../../webauthn/relying-party.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';
import { tooMany } from './passkey-limit.js';

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
