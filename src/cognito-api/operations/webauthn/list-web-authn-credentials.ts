// ListWebAuthnCredentials: the signed-in user's passkeys
// (WebAuthnCredentialDescription), oldest first, MaxResults 0-20 per page.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListWebAuthnCredentials.html
import type { ListWebAuthnCredentialsResponse, WebAuthnCredentialDescription } from '@aws-sdk/client-cognito-identity-provider';
import type { WebAuthnCredential } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { optionalInteger, optionalString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { userFromAccessToken } from '../users/access-token.js';

function description(c: WebAuthnCredential): Wire<WebAuthnCredentialDescription> {
  return {
    CredentialId: c.CredentialId,
    FriendlyCredentialName: c.FriendlyCredentialName,
    RelyingPartyId: c.RelyingPartyId,
    AuthenticatorAttachment: c.AuthenticatorAttachment,
    AuthenticatorTransports: c.AuthenticatorTransports,
    CreatedAt: seconds(c.CreatedAt),
  };
}

/** NextToken: the id of the first credential of the next page. */
export const listWebAuthnCredentials: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { user, pool } = await userFromAccessToken(deps, input);
  const max = optionalInteger(input, 'MaxResults', 0, 20);
  const token = optionalString(input, 'NextToken', 131072);
  const all = deps.store.getWebAuthnCredentials(pool.Id, user.Username);
  const start = token === undefined ? 0 : all.findIndex((c) => c.CredentialId === token);
  if (start < 0) throw new CognitoError('InvalidParameterException', 'Invalid NextToken.');
  const size = max === undefined || max === 0 ? 20 : max;
  const next = all[start + size];
  return {
    Credentials: all.slice(start, start + size).map(description),
    NextToken: next ? next.CredentialId : undefined,
  } satisfies Wire<ListWebAuthnCredentialsResponse>;
};
