// AdminUpdateUserAttributes: any attribute (the *_verified flags included). A changed email or
// phone number becomes unverified unless the call verifies it, and is sent a code when the pool
// auto-verifies it (see attribute-update.ts).
import type { AdminUpdateUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeMap } from '../../../domain/attributes.js';
import { optionalAttributeList, optionalStringMap, requireMember } from '../../input.js';
import { namedUser } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { updateAttributes } from './attribute-update.js';

export const adminUpdateUserAttributes: Operation<'clock' | 'messages' | 'store' | 'triggers' | 'verificationCodes'> =
  (deps) => async (input) => {
    const { pool, user } = namedUser(deps.store, input);
    requireMember(input, 'UserAttributes');
    const updates = attributeMap(optionalAttributeList(input, 'UserAttributes'));
    await updateAttributes(deps, pool, user, updates, 'AdminUpdateUserAttributes', {
      clientId: undefined,
      clientMetadata: optionalStringMap(input, 'ClientMetadata'),
    });
    return {} satisfies Wire<AdminUpdateUserAttributesResponse>;
  };
