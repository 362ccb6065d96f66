// Pre token generation, V1_0 / V2_0 / V3_0 (AWS developer guide, "Pre token generation Lambda
// trigger"): the event, and the response read into ClaimOverrides that the token issuer applies
// (domain/claim-overrides.ts). TokenCustomization from the fixtures is applied first, the trigger's
// changes on top: the trigger is the app's real code and wins where both touch a claim.
import type { Store } from '../store/store.js';
import type { TriggerDeps } from './runtime.js';
import type { AppClient, User, UserPool } from '../domain/model.js';
import type { ClaimChanges, ClaimOverrides, GroupOverride } from '../domain/claim-overrides.js';
import { unrecognizableOutput } from './errors.js';
import { eventAttributes, triggerEvent } from './event.js';
import { preTokenVersion } from './lambda-config.js';

export type TokenSource =
  | 'TokenGeneration_HostedAuth'
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_AuthenticateDevice'
  | 'TokenGeneration_RefreshTokens';

export interface UserTokenTrigger {
  source: TokenSource;
  clientMetadata?: Record<string, string> | undefined;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request's groupConfiguration: the user's groups, their roles, the preferred (lowest precedence) role. */
function groupConfiguration(deps: { store: Store }, user: User): Json {
  const groups = user.Groups.map((name) => deps.store.getGroup(user.UserPoolId, name)).filter((g) => g !== undefined);
  const withRoles = groups.filter((g) => g.RoleArn !== undefined);
  const preferred = [...withRoles].sort((a, b) => (a.Precedence ?? Infinity) - (b.Precedence ?? Infinity))[0];
  return {
    groupsToOverride: [...user.Groups],
    iamRolesToOverride: withRoles.map((g) => g.RoleArn),
    preferredRole: preferred?.RoleArn ?? null,
  };
}

/** Runs the pool's pre token generation trigger for a user's tokens; undefined when it has none. */
export async function userTokenOverrides(
  deps: TriggerDeps & { store: Store },
  client: AppClient,
  user: User,
  scopes: readonly string[],
  trigger: UserTokenTrigger,
): Promise<ClaimOverrides | undefined> {
  const pool = deps.store.getPool(client.UserPoolId);
  if (!pool || !deps.triggers.has(pool, 'PreTokenGeneration')) return undefined;
  const version = preTokenVersion(pool.LambdaConfig);
  const request: Json = {
    userAttributes: eventAttributes(pool, user),
    groupConfiguration: groupConfiguration(deps, user),
    ...(version !== 'V1_0' ? { scopes: [...scopes] } : {}),
    ...(trigger.clientMetadata ? { clientMetadata: trigger.clientMetadata } : {}),
  };
  return invoke(deps, pool, client, trigger.source, user.Username, request, version);
}

/**
 * client_credentials tokens: V3_0 only ("TokenGeneration_ClientCredentials"). No user: userName
 * is null and the request has no attributes or groups (event shape for M2M partly unconfirmed).
 */
export async function clientCredentialsOverrides(
  deps: TriggerDeps & { store: Store },
  client: AppClient,
  scopes: readonly string[],
  clientMetadata: Record<string, string> | undefined,
): Promise<ClaimOverrides | undefined> {
  const pool = deps.store.getPool(client.UserPoolId);
  if (!pool || !deps.triggers.has(pool, 'PreTokenGeneration') || preTokenVersion(pool.LambdaConfig) !== 'V3_0') return undefined;
  const request: Json = {
    userAttributes: {},
    groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
    scopes: [...scopes],
    ...(clientMetadata ? { clientMetadata } : {}),
  };
  return invoke(deps, pool, client, 'TokenGeneration_ClientCredentials', null, request, 'V3_0');
}

async function invoke(
  deps: TriggerDeps,
  pool: UserPool,
  client: AppClient,
  source: string,
  userName: string | null,
  request: Json,
  version: 'V1_0' | 'V2_0' | 'V3_0',
): Promise<ClaimOverrides | undefined> {
  const v1 = version === 'V1_0';
  const response = await deps.triggers.invoke(
    pool,
    'PreTokenGeneration',
    triggerEvent(
      pool,
      client.ClientId,
      source,
      userName,
      request,
      v1 ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null },
      v1 ? '1' : version === 'V2_0' ? '2' : '3',
    ),
  );
  if (!response) return undefined;
  return v1 ? readV1(response.claimsOverrideDetails) : readV2(response.claimsAndScopeOverrideDetails);
}

/** V1 changes the ID token only (and cognito:groups in both); its claim values must be strings. */
function readV1(details: unknown): ClaimOverrides | undefined {
  if (details === undefined || details === null) return undefined;
  if (!isObject(details)) throw unrecognizableOutput();
  const id = claimChanges(details, true);
  return { id, access: {}, ...groupOverride(details) };
}

function readV2(details: unknown): ClaimOverrides | undefined {
  if (details === undefined || details === null) return undefined;
  if (!isObject(details)) throw unrecognizableOutput();
  const section = (name: string): Json => {
    const value = details[name];
    if (value === undefined || value === null) return {};
    if (!isObject(value)) throw unrecognizableOutput();
    return value;
  };
  const accessSection = section('accessTokenGeneration');
  const access: ClaimChanges = {
    ...claimChanges(accessSection, false),
    ...optionalList(accessSection, 'scopesToAdd', 'scopesToAdd', true),
    ...optionalList(accessSection, 'scopesToSuppress', 'scopesToSuppress', true),
  };
  return { id: claimChanges(section('idTokenGeneration'), false), access, ...groupOverride(details) };
}

function claimChanges(section: Json, stringsOnly: boolean): ClaimChanges {
  const add = section.claimsToAddOrOverride;
  let changes: ClaimChanges = {};
  if (add !== undefined && add !== null) {
    if (!isObject(add)) throw unrecognizableOutput();
    // "Cognito still not supporting arrays in custom claims … Unrecognizable lambda output" (V1).
    if (stringsOnly && Object.values(add).some((v) => typeof v !== 'string')) throw unrecognizableOutput();
    changes = { add };
  }
  return { ...changes, ...optionalList(section, 'claimsToSuppress', 'suppress', false) };
}

function optionalList<K extends 'suppress' | 'scopesToAdd' | 'scopesToSuppress'>(
  section: Json,
  name: string,
  key: K,
  scopes: boolean,
): Partial<Record<K, string[]>> {
  const value = section[name];
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || (scopes && /\s/.test(v)))) throw unrecognizableOutput();
  return { [key]: value as string[] } as Partial<Record<K, string[]>>;
}

/**
 * groupOverrideDetails replaces the groups; "If you provide an empty or null object in the
 * response, then Amazon Cognito suppresses the groups". Absent: the groups stay.
 */
function groupOverride(details: Json): { groups?: GroupOverride } {
  if (!('groupOverrideDetails' in details)) return {};
  const value = details.groupOverrideDetails;
  if (value === null || (isObject(value) && Object.keys(value).length === 0))
    return { groups: { groups: [], roles: [], preferredRole: null } };
  if (!isObject(value)) throw unrecognizableOutput();
  const list = (name: string): string[] => {
    const v = value[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw unrecognizableOutput();
    return v as string[];
  };
  const preferred = value.preferredRole;
  if (preferred !== undefined && preferred !== null && typeof preferred !== 'string') throw unrecognizableOutput();
  return { groups: { groups: list('groupsToOverride'), roles: list('iamRolesToOverride'), preferredRole: preferred ?? null } };
}
