// AdminConfirmSignUp: confirms an UNCONFIRMED user without a code. Any other status is refused
// with Cognito's observed wording (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
import type { AdminConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoError } from '../../../errors/cognito-error.js';
import { postConfirmation } from '../../../triggers/sign-up.js';
import { optionalStringMap } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { saveUser } from '../../../users/user-records.js';

export const adminConfirmSignUp: Operation<'clock' | 'store' | 'triggers' | 'verificationCodes'> = (deps) => async (input) => {
  const { pool, user } = namedUser(deps.store, input);
  if (user.UserStatus !== 'UNCONFIRMED') {
    throw new CognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.UserStatus}`);
  }
  const saved = await saveUser(deps, user, { UserStatus: 'CONFIRMED' });
  deps.verificationCodes.forget(pool.Id, user.Username, 'signUp');
  await postConfirmation(deps, pool, undefined, saved, 'PostConfirmation_ConfirmSignUp', optionalStringMap(input, 'ClientMetadata'));
  return {} satisfies Wire<AdminConfirmSignUpResponse>;
};
