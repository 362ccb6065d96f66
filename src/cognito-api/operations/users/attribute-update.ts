// Attribute changes shared by AdminUpdateUserAttributes and UpdateUserAttributes. A new email or
// phone number is unverified unless the same call sets its *_verified flag; when the pool
// auto-verifies that attribute a verification code is "sent" (API reference, UpdateUserAttributes).
import type { Deps } from '../../../deps.js';
import type { User, UserPool } from '../../../domain/model.js';
import { CONFIRMATION_CODE_TTL_MS } from '../../../domain/verification-codes.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { aliasConflict, aliasExistsMessage, checkAttributeNames, checkAttributeValues } from './attribute-rules.js';
import { deliveryTo, type Delivery } from './delivery.js';
import { sendMessage } from './send-message.js';
import { saveUser } from './user-records.js';

export interface AttributeUpdate {
  user: User;
  /** Where verification codes went, in order (UpdateUserAttributes' CodeDeliveryDetailsList). */
  deliveries: Delivery[];
}

export async function updateAttributes(
  deps: Deps, pool: UserPool, user: User, updates: Record<string, string>, trigger: string,
  caller: { clientId: string | undefined; clientMetadata: Record<string, string> | undefined },
): Promise<AttributeUpdate> {
  checkAttributeNames(Object.keys(updates));
  const attributes = { ...user.Attributes, ...updates };
  const changedContacts = (['email', 'phone_number'] as const).filter(
    (name) => name in updates && updates[name] !== user.Attributes[name],
  );
  for (const name of changedContacts) {
    if (!(`${name}_verified` in updates)) attributes[`${name}_verified`] = 'false';
  }
  checkAttributeValues(attributes);
  const conflict = aliasConflict(deps.store, pool, user.Username, attributes);
  if (conflict) throw new CognitoError('AliasExistsException', aliasExistsMessage(conflict));
  const saved = await saveUser(deps, user, { Attributes: attributes });

  const deliveries: Delivery[] = [];
  for (const name of changedContacts) {
    if (!pool.AutoVerifiedAttributes.includes(name) || attributes[`${name}_verified`] === 'true') continue;
    const delivery = deliveryTo(saved, name);
    if (!delivery) continue;
    const code = deps.verificationCodes.issue(pool.Id, saved.Username, `verify:${name}`, CONFIRMATION_CODE_TTL_MS, name);
    await sendMessage(deps, { pool, ...caller, user: saved, kind: trigger, source: 'UpdateUserAttribute', delivery, secret: { code } });
    deliveries.push(delivery);
  }
  return { user: saved, deliveries };
}
