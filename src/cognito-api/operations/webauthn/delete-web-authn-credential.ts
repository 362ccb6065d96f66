// DeleteWebAuthnCredential: the signed-in user (access token) removes one of their passkeys.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteWebAuthnCredential.html
import type { DeleteWebAuthnCredentialResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { requiredString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from '../users/access-token.js';

export const deleteWebAuthnCredential: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user, pool } = await userFromAccessToken(deps, input);
  const id = requiredString(input, 'CredentialId');
  const all = deps.store.getWebAuthnCredentials(pool.Id, user.Username);
  if (!all.some((c) => c.CredentialId === id))
    throw new CognitoError('ResourceNotFoundException', 'The passkey was not found for the user.');
  await deps.store.putWebAuthnCredentials(
    pool.Id,
    user.Username,
    all.filter((c) => c.CredentialId !== id),
  );
  return {} satisfies Wire<DeleteWebAuthnCredentialResponse>;
};
