// ConfirmSignUp: the code from SignUp / ResendConfirmationCode confirms the user (rules in
// src/self-service/registration.ts). A code never sent → ExpiredCodeException (a choice; README).
import type { ConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { codeMismatch, confirmRegistration } from '../../../self-service/registration.js';
import { optionalString, optionalStringMap, requiredString } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { selfServiceCall, selfServiceUser } from './self-service-input.js';
import { confirmedSession } from './sign-up-session.js';

export const confirmSignUp: Operation<'clock' | 'signInChallenges' | 'store' | 'triggers' | 'verificationCodes'> =
  (deps) => async (input) => {
    const call = selfServiceCall(deps, input);
    const code = requiredString(input, 'ConfirmationCode', 2048);
    const user = selfServiceUser(deps, call);
    if (!user) throw codeMismatch();
    const saved = await confirmRegistration(deps, call.pool, call.client, user, code, optionalStringMap(input, 'ClientMetadata'));
    return {
      Session: await confirmedSession(deps, call.client, saved, optionalString(input, 'Session', 2048)),
    } satisfies Wire<ConfirmSignUpResponse>;
  };
