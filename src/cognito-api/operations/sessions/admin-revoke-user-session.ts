// AdminRevokeUserSession: an administrator revokes one of a user's token sessions (session-revocation.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminRevokeUserSession.html
import type { AdminRevokeUserSessionResponse } from '@aws-sdk/client-cognito-identity-provider';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { readRevokeInput } from './revoke-session-input.js';
import { revoke } from './session-revocation.js';

export const adminRevokeUserSession: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const { pool, user } = namedUser(deps.store, input);
  await revoke(deps, pool, user, readRevokeInput(input));
  return {} satisfies Wire<AdminRevokeUserSessionResponse>;
};
