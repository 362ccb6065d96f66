// Checks on attributes written through the API (AdminCreateUser, SignUp, *UpdateUserAttributes,
// the new-password challenge) against the pool's schema: standard attributes, and custom ones only
// when the pool declares them.
import type { AppClient, User, UserPool } from '../domain/model.js';
import { customAttribute, isStandardAttribute, requiredAttributes, schemaAttributes } from '../domain/schema.js';
import { CognitoError } from '../errors/cognito-error.js';
import type { Store } from '../store/store.js';

const invalid = (message: string) => new CognitoError('InvalidParameterException', message);

const CUSTOM = /^(dev:)?custom:/;

/** Whether `name` is in the pool's schema (a standard attribute or a declared custom one). */
export const inPoolSchema = (pool: UserPool, name: string): boolean =>
  isStandardAttribute(name) || (CUSTOM.test(name) && customAttribute(pool, name) !== undefined);

/** Cognito's wording for schema violations ("Attributes did not conform to the schema: …"). */
export function checkAttributeNames(pool: UserPool, names: readonly string[]): void {
  for (const name of names) {
    if (CUSTOM.test(name) && !inPoolSchema(pool, name)) {
      // Cognito's wording for a custom attribute the pool does not declare.
      throw invalid(`Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`);
    }
    if (!inPoolSchema(pool, name)) {
      throw invalid(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`);
    }
    // sub is assigned by Cognito and immutable (wording unconfirmed; README).
    if (name === 'sub') throw invalid('Attributes did not conform to the schema: sub: Attribute cannot be updated.');
  }
}

/** Updates may not touch attributes the schema declares immutable (Mutable: false); wording unconfirmed. */
export function checkMutable(pool: UserPool, names: readonly string[]): void {
  const schema = schemaAttributes(pool);
  for (const name of names) {
    if (name !== 'sub' && schema.find((a) => a.Name === name)?.Mutable === false) {
      throw invalid(`Attributes did not conform to the schema: ${name}: Attribute cannot be updated. (changing an immutable attribute)`);
    }
  }
}

/** Attributes the schema marks Required must be given when a user is created. */
export function checkRequired(pool: UserPool, attributes: Record<string, string>): void {
  const missing = requiredAttributes(pool).find((name) => !attributes[name]);
  if (missing) throw invalid(`Attributes did not conform to the schema: ${missing}: The attribute is required`);
}

/** Format checks Cognito applies to the contact attributes (messages as Cognito prints them). */
export function checkAttributeValues(attributes: Record<string, string>): void {
  const email = attributes.email;
  if (email !== undefined && email !== '' && !/^[^@\s]+@[^@\s]+$/.test(email)) throw invalid('Invalid email address format.');
  const phone = attributes.phone_number;
  if (phone !== undefined && phone !== '' && !/^\+[0-9]{4,15}$/.test(phone)) throw invalid('Invalid phone number format.');
  for (const flag of ['email_verified', 'phone_number_verified']) {
    const value = attributes[flag];
    if (value !== undefined && value !== 'true' && value !== 'false') {
      throw invalid(`Attributes did not conform to the schema: ${flag}: Attribute value must be true or false.`);
    }
  }
}

/**
 * Self-service writes (SignUp, UpdateUserAttributes) are limited by the client's WriteAttributes.
 * Without WriteAttributes a client may write everything except the *_verified flags, so users
 * cannot verify their own contact details (choice for clients without the setting; README).
 */
export function checkClientMayWrite(client: AppClient, names: readonly string[]): void {
  const allowed = client.WriteAttributes;
  for (const name of names) {
    const ok = allowed && allowed.length > 0 ? allowed.includes(name) : !name.endsWith('_verified');
    if (!ok) throw new CognitoError('NotAuthorizedException', 'A client attempted to write unauthorized attribute');
  }
}

/**
 * The attribute whose value another user of the pool already signs in with, if any. Attributes in
 * UsernameAttributes must be unique; AliasAttributes only once verified (preferred_username always),
 * as Cognito allows unverified duplicates of an alias.
 */
export function aliasConflict(store: Store, pool: UserPool, username: string, attributes: Record<string, string>): string | undefined {
  const verified = (attrs: Record<string, string>, name: string) => name === 'preferred_username' || attrs[`${name}_verified`] === 'true';
  for (const name of pool.UsernameAttributes) {
    const value = attributes[name];
    if (value && store.findUsersByAttribute(pool.Id, name, value).some((u) => u.Username !== username)) return name;
  }
  for (const name of pool.AliasAttributes) {
    const value = attributes[name];
    if (!value || !verified(attributes, name)) continue;
    const others = store.findUsersByAttribute(pool.Id, name, value).filter((u: User) => u.Username !== username);
    if (others.some((u) => verified(u.Attributes, name))) return name;
  }
  return undefined;
}

/** The account-exists wording Cognito uses for alias collisions. */
export const aliasExistsMessage = (name: string) => `An account with the given ${name} already exists.`;
