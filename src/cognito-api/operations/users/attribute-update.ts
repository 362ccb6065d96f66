// Attribute changes shared by AdminUpdateUserAttributes and UpdateUserAttributes. A new email or
// phone number is unverified unless the same call sets its *_verified flag; when the pool
// auto-verifies that attribute a verification code is "sent"
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserAttributes.html).
// When the pool lists the attribute in AttributesRequireVerificationBeforeUpdate and the current
// value is verified, the new value waits (User.PendingAttributes) and the old one stays, and signs
// in, until VerifyUserAttribute confirms the new one.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-email-phone-verification.html
import type { Deps } from '../../../deps.js';
import type { User, UserPool } from '../../../domain/model.js';
import { CONFIRMATION_CODE_TTL_MS } from '../../../domain/verification-codes.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import {
  aliasConflict,
  aliasExistsMessage,
  checkAttributeNames,
  checkAttributeValues,
  checkMutable,
} from '../../../users/attribute-rules.js';
import { contactDelivery, type ContactAttribute, type Delivery } from '../../../users/delivery.js';
import { sendMessage } from '../../../users/send-message.js';
import { saveUser } from '../../../users/user-records.js';

export interface AttributeUpdate {
  user: User;
  /** Where verification codes went, in order (UpdateUserAttributes' CodeDeliveryDetailsList). */
  deliveries: Delivery[];
}

const CONTACTS = ['email', 'phone_number'] as const;

export async function updateAttributes(
  deps: Pick<Deps, 'clock' | 'messages' | 'store' | 'triggers' | 'verificationCodes'>,
  pool: UserPool,
  user: User,
  updates: Record<string, string>,
  trigger: string,
  caller: { clientId: string | undefined; clientMetadata: Record<string, string> | undefined },
): Promise<AttributeUpdate> {
  checkAttributeNames(pool, Object.keys(updates));
  checkMutable(pool, Object.keys(updates));
  const attributes = { ...user.Attributes, ...updates };
  const changedContacts = CONTACTS.filter((name) => name in updates && updates[name] !== user.Attributes[name]);
  for (const name of changedContacts) {
    if (!(`${name}_verified` in updates)) attributes[`${name}_verified`] = 'false';
  }
  checkAttributeValues(attributes);
  const pending: Record<string, string> = { ...user.PendingAttributes };
  for (const name of changedContacts) {
    if (!waitsForVerification(pool, user, name, attributes)) {
      delete pending[name];
      continue;
    }
    pending[name] = attributes[name] as string;
    attributes[name] = user.Attributes[name] as string;
    attributes[`${name}_verified`] = 'true';
  }
  const conflict = aliasConflict(deps.store, pool, user.Username, attributes);
  if (conflict) throw new CognitoError('AliasExistsException', aliasExistsMessage(conflict));
  const saved = await saveUser(deps, user, { Attributes: attributes, ...withPending(pending) });

  const deliveries: Delivery[] = [];
  for (const name of changedContacts) {
    const destination = pending[name] ?? attributes[name];
    if (!pool.AutoVerifiedAttributes.includes(name) || (pending[name] === undefined && attributes[`${name}_verified`] === 'true')) continue;
    if (!destination) continue;
    const delivery = contactDelivery(name, destination);
    const code = deps.verificationCodes.issue(pool.Id, saved.Username, `verify:${name}`, CONFIRMATION_CODE_TTL_MS, name);
    await sendMessage(deps, { pool, ...caller, user: saved, kind: trigger, source: 'UpdateUserAttribute', delivery, secret: { code } });
    deliveries.push(delivery);
  }
  return { user: saved, deliveries };
}

/** A verified value listed in AttributesRequireVerificationBeforeUpdate, replaced without the call marking the new one verified. */
function waitsForVerification(pool: UserPool, user: User, name: ContactAttribute, next: Record<string, string>): boolean {
  const listed = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate.includes(name) === true;
  const currentVerified = Boolean(user.Attributes[name]) && user.Attributes[`${name}_verified`] === 'true';
  return listed && currentVerified && next[`${name}_verified`] !== 'true' && Boolean(next[name]);
}

/** The PendingAttributes field of a record: absent when nothing waits. */
export const withPending = (pending: Record<string, string>): Pick<User, 'PendingAttributes'> => ({
  PendingAttributes: Object.keys(pending).length > 0 ? pending : undefined,
});
