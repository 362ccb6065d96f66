// Claim changes returned by a pre token generation trigger (src/triggers/pre-token.ts), applied to
// the claims the issuer built. Rules from the AWS developer guide, "Pre token generation Lambda
// trigger": protected claims cannot be added, changed or suppressed (the same list as
// TokenCustomization, token-customization.ts; attempts are ignored); suppressing wins over adding;
// suppressing cognito:groups also drops cognito:roles and cognito:preferred_role; the group
// override replaces cognito:groups in both tokens and sets the roles in the ID token.
import { protectedClaimProblem } from './token-customization.js';

export interface ClaimChanges {
  add?: Record<string, unknown>;
  suppress?: string[];
  /** Access token only (V2_0 / V3_0). */
  scopesToAdd?: string[];
  scopesToSuppress?: string[];
}

export interface GroupOverride {
  groups: string[];
  roles: string[];
  preferredRole: string | null;
}

/** Plain JSON: kept with an authorization code between the sign-in and the token exchange. */
export interface ClaimOverrides {
  id: ClaimChanges;
  access: ClaimChanges;
  groups?: GroupOverride;
}

const GROUP_CLAIMS = ['cognito:groups', 'cognito:roles', 'cognito:preferred_role'];

function setClaim(claims: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(claims, name, { value, enumerable: true, writable: true, configurable: true });
}

export function applyOverrides(
  claims: Record<string, unknown>,
  kind: 'IdToken' | 'AccessToken',
  overrides: ClaimOverrides | undefined,
): Record<string, unknown> {
  if (!overrides) return claims;
  const out = { ...claims };
  const group = overrides.groups;
  if (group) {
    for (const name of GROUP_CLAIMS) if (!(name === 'cognito:groups' && group.groups.length > 0)) delete out[name];
    if (group.groups.length > 0) out['cognito:groups'] = [...group.groups];
    if (kind === 'IdToken' && group.roles.length > 0) out['cognito:roles'] = [...group.roles];
    if (kind === 'IdToken' && group.preferredRole !== null) out['cognito:preferred_role'] = group.preferredRole;
  }
  const changes = kind === 'IdToken' ? overrides.id : overrides.access;
  for (const [name, value] of Object.entries(changes.add ?? {})) {
    if (!protectedClaimProblem(name)) setClaim(out, name, value);
  }
  for (const name of changes.suppress ?? []) {
    if (name === 'cognito:groups') for (const g of GROUP_CLAIMS) delete out[g];
    else if (!protectedClaimProblem(name)) delete out[name];
  }
  if (kind === 'AccessToken' && (changes.scopesToAdd || changes.scopesToSuppress) && typeof out.scope === 'string') {
    const drop = new Set(changes.scopesToSuppress ?? []);
    const scopes = [...new Set([...out.scope.split(' ').filter((s) => s !== ''), ...(changes.scopesToAdd ?? [])])].filter(
      (s) => !drop.has(s),
    );
    out.scope = scopes.join(' ');
  }
  return out;
}
