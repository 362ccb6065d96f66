// UpdateUserAttributes: the signed-in user changes their own attributes, within the client's
// WriteAttributes; a changed email / phone number is unverified and sent a code when the pool
// auto-verifies it (CodeDeliveryDetailsList).
import type { UpdateUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeMap } from '../../../domain/attributes.js';
import { optionalAttributeList, optionalStringMap, requireMember } from '../../input.js';
import type { Operation, Wire } from '../../operation.js';
import { userFromAccessToken } from './access-token.js';
import { checkAttributeNames, checkClientMayWrite } from '../../../users/attribute-rules.js';
import { updateAttributes } from './attribute-update.js';
import { codeDeliveryType } from './code-delivery-type.js';

export const updateUserAttributes: Operation<'clock' | 'keys' | 'messages' | 'store' | 'triggers' | 'urls' | 'verificationCodes'> =
  (deps) => async (input) => {
    const { user, pool, client } = await userFromAccessToken(deps, input);
    requireMember(input, 'UserAttributes');
    const updates = attributeMap(optionalAttributeList(input, 'UserAttributes'));
    checkAttributeNames(pool, Object.keys(updates));
    checkClientMayWrite(client, Object.keys(updates));
    const { deliveries } = await updateAttributes(deps, pool, user, updates, 'UpdateUserAttributes', {
      clientId: client.ClientId,
      clientMetadata: optionalStringMap(input, 'ClientMetadata'),
    });
    return (
      deliveries.length > 0 ? { CodeDeliveryDetailsList: deliveries.map(codeDeliveryType) } : {}
    ) satisfies Wire<UpdateUserAttributesResponse>;
  };
