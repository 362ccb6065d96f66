// The `identities` attribute of federated and linked users: a JSON array kept as a string
// attribute, `primary` a boolean and `dateCreated` epoch milliseconds. In ID tokens Cognito sends it
// as a real array with those two as strings (real tokens and ListUsers output show both forms).
import type { IdentityProvider, User } from './model.js';

export interface IdentityEntry {
  userId: string;
  providerName: string;
  providerType: string;
  issuer: string | null;
  primary: boolean;
  dateCreated: number;
}

export function readIdentities(user: User): IdentityEntry[] {
  const raw = user.Attributes.identities;
  if (raw === undefined) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? (parsed as IdentityEntry[]) : [];
  } catch {
    return [];
  }
}

/** The attribute value with `provider`'s entry for `userId` added unless present. */
export function withIdentity(user: User | undefined, provider: IdentityProvider, userId: string, primary: boolean, now: number): string {
  const list = user ? readIdentities(user) : [];
  if (!list.some((e) => e.providerName === provider.ProviderName && e.userId === userId)) {
    list.push({
      userId,
      providerName: provider.ProviderName,
      providerType: provider.ProviderType,
      issuer: null,
      primary,
      dateCreated: now,
    });
  }
  return JSON.stringify(list);
}

/** Without `providerName`'s entries. */
export function withoutProvider(user: User, providerName: string): string | undefined {
  const list = readIdentities(user).filter((e) => e.providerName !== providerName);
  return list.length > 0 ? JSON.stringify(list) : undefined;
}

/** The ID-token form: `primary` and `dateCreated` as strings. */
export function identitiesClaim(value: string): unknown {
  try {
    const parsed = JSON.parse(value) as unknown;
    if (!Array.isArray(parsed)) return value;
    return parsed.map((e: Record<string, unknown>) => ({ ...e, primary: String(e.primary), dateCreated: String(e.dateCreated) }));
  } catch {
    return value;
  }
}
