// SignUp: a new UNCONFIRMED user (rules in src/self-service/registration.ts, shared with the hosted
// /signup page); CodeDeliveryDetails describe where the confirmation code went, if anywhere.
import type { SignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeMap } from '../../../domain/attributes.js';
import { checkSelfSignUpAllowed, registerUser } from '../../../self-service/registration.js';
import { optionalAttributeList, optionalStringMap, requiredString } from '../../input.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { selfServiceCall } from './self-service-input.js';
import { offersPasswordless, signUpSession } from './sign-up-session.js';
import { codeDeliveryType } from './code-delivery-type.js';

export const signUp: Operation<'clock' | 'credentials' | 'messages' | 'signInChallenges' | 'store' | 'triggers' | 'verificationCodes'> =
  (deps) => async (input, ctx) => {
    const call = selfServiceCall(deps, input);
    checkSelfSignUpAllowed(call.pool);
    // "To create a user with no password, omit this parameter or submit a blank value. You can only
    // create a passwordless user when passwordless sign-in is available."
    const passwordless =
      (input.Password === undefined || input.Password === null || input.Password === '') && offersPasswordless(call.pool);
    const password = passwordless ? undefined : requiredString(input, 'Password', 256);
    const attributes = attributeMap(optionalAttributeList(input, 'UserAttributes'));
    const { user, delivery } = await registerUser(deps, call.pool, call.client, call.username, password, attributes, {
      validationData: validationData(input),
      clientMetadata: optionalStringMap(input, 'ClientMetadata'),
      sourceIp: ctx?.ip,
    });
    return {
      CodeDeliveryDetails: delivery ? codeDeliveryType(delivery) : undefined,
      // True when a pre sign-up trigger confirmed the user.
      UserConfirmed: user.UserStatus === 'CONFIRMED',
      UserSub: user.Attributes.sub,
      Session: signUpSession(deps, call.pool, call.client, user),
    } satisfies Wire<SignUpResponse>;
  };

/** SignUp's / AdminCreateUser's ValidationData, [{Name, Value}], as the map the pre sign-up trigger receives. */
export function validationData(input: Input): Record<string, string> | undefined {
  const list = optionalAttributeList(input, 'ValidationData');
  return list === undefined ? undefined : attributeMap(list);
}
