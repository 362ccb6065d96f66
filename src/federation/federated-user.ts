// The user a federated sign-in yields
// (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-identity-federation.html):
// a native user the identity is linked to, or the provider's own user `<provider>_<id>` with status
// EXTERNAL_PROVIDER, the mapped attributes (refreshed at every sign-in), the `identities`
// attribute and the automatic `<poolId>_<ProviderName>` group. Triggers run as Cognito runs them:
// first sign-in PreSignUp_ExternalProvider then PostConfirmation_ConfirmSignUp; later sign-ins
// PreAuthentication then PostAuthentication (token generation follows in completeAuthorization).
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import { isKnownAttribute } from '../domain/attributes.js';
import type { Group, IdentityProvider, LinkedIdentity, User, UserPool } from '../domain/model.js';
import { postAuthentication, preAuthentication } from '../triggers/sign-in.js';
import { postConfirmation, preSignUp } from '../triggers/sign-up.js';
import { FederationError } from './federation-error.js';
import { withIdentity } from '../domain/federated-identities.js';
import { USER_ID_CLAIM } from './provider-rules.js';

type FederationDeps = Pick<Deps, 'store' | 'clock' | 'triggers'>;

const asText = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The provider's id for the user: the claim mapped to `username` (the type's id claim by default). */
export function providerUserId(provider: IdentityProvider, claims: Record<string, unknown>): string {
  const claim = provider.AttributeMapping.username ?? USER_ID_CLAIM[provider.ProviderType] ?? 'sub';
  const id = asText(claims[claim]);
  if (id === undefined || id === '') throw new FederationError(`${provider.ProviderName} Error - attributes required: [${claim}]`);
  return id;
}

/** User-pool attributes from the provider's claims, per AttributeMapping. */
export function mappedAttributes(provider: IdentityProvider, claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [attribute, claim] of Object.entries(provider.AttributeMapping)) {
    if (attribute === 'username' || attribute === 'sub' || !isKnownAttribute(attribute)) continue;
    const value = asText(claims[claim]);
    if (value !== undefined) out[attribute] = value.slice(0, 2048);
  }
  return out;
}

/** Cognito names the user after the provider and lower-cases the name (as current pools do). */
export const federatedUsername = (provider: IdentityProvider, userId: string) => `${provider.ProviderName}_${userId}`.toLowerCase();

export const providerGroupName = (pool: UserPool, provider: IdentityProvider) => `${pool.Id}_${provider.ProviderName}`;

export function linkMatches(
  link: LinkedIdentity,
  provider: IdentityProvider,
  userId: string,
  claims: Record<string, unknown>,
  mapped: Record<string, string>,
): boolean {
  if (link.ProviderName !== provider.ProviderName) return false;
  if (link.ProviderAttributeName === 'Cognito_Subject') return link.ProviderAttributeValue === userId;
  const value = asText(claims[link.ProviderAttributeName]) ?? mapped[link.ProviderAttributeName];
  return value === link.ProviderAttributeValue;
}

export async function federatedUser(
  deps: FederationDeps,
  pool: UserPool,
  clientId: string,
  provider: IdentityProvider,
  claims: Record<string, unknown>,
): Promise<User> {
  const userId = providerUserId(provider, claims);
  const mapped = mappedAttributes(provider, claims);
  const now = deps.clock.now();
  const linked = deps.store
    .listUsers(pool.Id)
    .find((u) => u.LinkedIdentities?.some((l) => linkMatches(l, provider, userId, claims, mapped)));
  if (linked) return signInExisting(deps, pool, clientId, linked, { identities: withIdentity(linked, provider, userId, false, now) });
  const username = federatedUsername(provider, userId);
  const existing = deps.store.getUser(pool.Id, username);
  if (existing)
    return signInExisting(deps, pool, clientId, existing, { ...mapped, identities: withIdentity(existing, provider, userId, true, now) });

  let user: User = {
    UserPoolId: pool.Id,
    Username: username,
    Attributes: { sub: randomUUID(), ...mapped, identities: withIdentity(undefined, provider, userId, true, now) },
    UserStatus: 'EXTERNAL_PROVIDER',
    Enabled: true,
    Groups: [providerGroupName(pool, provider)],
    UserCreateDate: now,
    UserLastModifiedDate: now,
  };
  const decision = await preSignUp(deps, {
    pool,
    clientId,
    source: 'PreSignUp_ExternalProvider',
    user,
    validationData: {},
    clientMetadata: undefined,
  });
  if (decision.autoVerifyEmail && user.Attributes.email !== undefined) user = withAttributes(user, { email_verified: 'true' }, now);
  if (decision.autoVerifyPhone && user.Attributes.phone_number !== undefined)
    user = withAttributes(user, { phone_number_verified: 'true' }, now);
  // After the trigger accepted the user, so that a refused sign-up leaves nothing behind.
  await providerGroup(deps, pool, provider, now);
  await deps.store.putUser(user);
  await postConfirmation(deps, pool, clientId, user, 'PostConfirmation_ConfirmSignUp', undefined);
  return user;
}

async function signInExisting(
  deps: FederationDeps,
  pool: UserPool,
  clientId: string,
  user: User,
  changes: Record<string, string>,
): Promise<User> {
  // Wording unconfirmed: the hosted sign-in's text for a disabled user.
  if (!user.Enabled) throw new FederationError('User is disabled.');
  await preAuthentication({ deps, pool, clientId }, { user });
  const updated = withAttributes(user, changes, deps.clock.now());
  await deps.store.putUser(updated);
  await postAuthentication({ deps, pool, clientId }, updated);
  return updated;
}

const withAttributes = (user: User, changes: Record<string, string>, now: number): User => ({
  ...user,
  Attributes: { ...user.Attributes, ...changes },
  UserLastModifiedDate: now,
});

/** Cognito creates the provider's group with the first user that signs in through it. */
async function providerGroup(deps: FederationDeps, pool: UserPool, provider: IdentityProvider, now: number): Promise<void> {
  const name = providerGroupName(pool, provider);
  if (deps.store.getGroup(pool.Id, name)) return;
  const group: Group = {
    UserPoolId: pool.Id,
    GroupName: name,
    Description: `Autogenerated group for users who sign in using ${provider.ProviderName}`,
    CreationDate: now,
    LastModifiedDate: now,
  };
  await deps.store.putGroup(group);
}
