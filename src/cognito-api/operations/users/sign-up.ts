// SignUp: a new UNCONFIRMED user (rules in src/self-service/registration.ts, shared with the hosted
// /signup page); CodeDeliveryDetails describe where the confirmation code went, if anywhere.
import { attributeMap } from '../../../domain/attributes.js';
import { checkSelfSignUpAllowed, registerUser } from '../../../self-service/registration.js';
import { optionalAttributeList, requiredString } from '../../input.js';
import type { Operation } from '../../operation.js';
import { codeDeliveryDetails } from './delivery.js';
import { selfServiceCall } from './self-service.js';

export const signUp: Operation = (deps) => async (input) => {
  const call = selfServiceCall(deps, input);
  checkSelfSignUpAllowed(call.pool);
  // Passwordless sign-up (Password omitted) is not supported: the password is required here.
  const password = requiredString(input, 'Password', 256);
  const attributes = attributeMap(optionalAttributeList(input, 'UserAttributes'));
  const { user, delivery } = await registerUser(deps, call.pool, call.client, call.username, password, attributes);
  return {
    ...(delivery ? { CodeDeliveryDetails: codeDeliveryDetails(delivery) } : {}),
    UserConfirmed: false,
    UserSub: user.Attributes.sub,
  };
};
