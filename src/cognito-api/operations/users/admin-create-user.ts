// AdminCreateUser: a user in FORCE_CHANGE_PASSWORD with a temporary password (given, or generated
// to meet the default policy), invited by the message recorded in deps.messages unless
// MessageAction is SUPPRESS. RESEND re-invites an existing FORCE_CHANGE_PASSWORD user with a new
// temporary password.
import type { AdminCreateUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeMap } from '../../../domain/attributes.js';
import type { User } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { preSignUp } from '../../../triggers/sign-up.js';
import { optionalAttributeList, optionalEnum, optionalEnumList, optionalString, optionalStringMap, requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { userType } from '../../serialize.js';
import { checkAttributeNames, checkAttributeValues } from '../../../users/attribute-rules.js';
import { deliveryTo, type Delivery } from '../../../users/delivery.js';
import { sendMessage } from '../../../users/send-message.js';
import { validationData } from './sign-up.js';
import {
  checkPasswordPolicy,
  generateTemporaryPassword,
  insertNewUser,
  newUserRecord,
  saveNewPassword,
} from '../../../users/user-records.js';

type Medium = 'EMAIL' | 'SMS';

export const adminCreateUser: Operation<'clock' | 'credentials' | 'messages' | 'store' | 'triggers'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const username = requiredString(input, 'Username', 128);
  const given = optionalString(input, 'TemporaryPassword', 256);
  const action = optionalEnum(input, 'MessageAction', ['RESEND', 'SUPPRESS'] as const);
  const mediums = optionalEnumList(input, 'DesiredDeliveryMediums', ['SMS', 'EMAIL'] as const);
  const attributes = attributeMap(optionalAttributeList(input, 'UserAttributes'));
  checkAttributeNames(pool, Object.keys(attributes));
  checkAttributeValues(attributes);
  if (given !== undefined) checkPasswordPolicy(given, pool);
  const password = given ?? generateTemporaryPassword(pool);

  let user: User;
  if (action === 'RESEND') {
    const existing = userOrThrow(deps.store, pool, username);
    // Wording unconfirmed (README): Cognito only re-invites users who never signed in.
    if (existing.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
      throw new CognitoError(
        'UnsupportedUserStateException',
        `Resend not possible. ${existing.Username} status is not FORCE_CHANGE_PASSWORD.`,
      );
    }
    user = { ...existing, Attributes: { ...existing.Attributes } };
  } else {
    user = { ...newUserRecord(deps, pool, username, attributes, 'User account already exists'), UserStatus: 'FORCE_CHANGE_PASSWORD' };
  }
  // The message is decided before anything is written, so a refused invitation creates nothing.
  const deliveries = action === 'SUPPRESS' ? [] : invitationDeliveries(user, mediums);
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  if (action !== 'RESEND') {
    // Runs for its refusal only: Cognito ignores the response flags for AdminCreateUser.
    await preSignUp(deps, {
      pool,
      clientId: undefined,
      source: 'PreSignUp_AdminCreateUser',
      user,
      validationData: validationData(input),
      clientMetadata,
    });
  }
  if (action === 'RESEND') {
    user = await saveNewPassword(deps, user, password);
  } else {
    user = await insertNewUser(deps, pool, user, password, 'User account already exists');
  }
  for (const delivery of deliveries) {
    await sendMessage(deps, {
      pool,
      clientId: undefined,
      user,
      kind: 'AdminCreateUser',
      source: 'AdminCreateUser',
      delivery,
      secret: { temporaryPassword: password },
      clientMetadata,
    });
  }
  return { User: userType(user) } satisfies Wire<AdminCreateUserResponse>;
};

/**
 * DesiredDeliveryMediums defaults to SMS
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html).
 * The emulator falls back to email when the default SMS has no phone number to go to, and refuses
 * only when a medium was asked for explicitly and none can be used (choice; README).
 */
function invitationDeliveries(user: User, mediums: Medium[] | undefined): Delivery[] {
  const to = (m: Medium) => deliveryTo(user, m === 'EMAIL' ? 'email' : 'phone_number');
  if (mediums === undefined || mediums.length === 0) {
    const fallback = to('SMS') ?? to('EMAIL');
    return fallback ? [fallback] : [];
  }
  const deliveries = [...new Set(mediums)].flatMap((m) => to(m) ?? []);
  if (deliveries.length === 0) {
    throw new CognitoError('InvalidParameterException', `User has no attribute matching desired delivery mediums (${mediums.join(', ')})`);
  }
  return deliveries;
}
