// ConfirmSignUp: the code from SignUp / ResendConfirmationCode confirms the user (rules in
// src/self-service/registration.ts). A code never sent → ExpiredCodeException (a choice; README).
import { codeMismatch, confirmRegistration } from '../../../self-service/registration.js';
import { optionalStringMap, requiredString } from '../../input.js';
import type { Operation } from '../../operation.js';
import { selfServiceCall, selfServiceUser } from './self-service.js';

export const confirmSignUp: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  const code = requiredString(input, 'ConfirmationCode', 2048);
  const user = selfServiceUser(deps, call);
  if (!user) throw codeMismatch();
  await confirmRegistration(deps, call.pool, call.client, user, code, optionalStringMap(input, 'ClientMetadata'));
  return {};
};
