// Auth events (AdminListUserAuthEvents): what threat protection records for each sign-in, sign-up,
// password change and password reset of a user, with its outcome and risk, while the pool's
// UserPoolAddOns.AdvancedSecurityMode is AUDIT or ENFORCED (nothing is recorded with it OFF).
// A sign-in that stops at a challenge is InProgress until the challenge is answered; the tokens it
// ends in carry the event's id as `event_id`. Kept per user (one store record per event), the last 100.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-adaptive-authentication.html
import type { Deps } from '../deps.js';
import type { AuthEvent, User, UserPool } from '../domain/model.js';
import { newUuid } from '../domain/ids.js';
import { threatMode } from './settings.js';

export const MAX_EVENTS_PER_USER = 100;
/** How long a sign-in stays InProgress waiting for its challenge (the longest AuthSessionValidity). */
const IN_PROGRESS_MS = 15 * 60_000;

export type EventRisk = AuthEvent['EventRisk'];
export const NO_RISK: EventRisk = { RiskDecision: 'NoRisk', CompromisedCredentialsDetected: false };

export interface NewEvent {
  EventType: AuthEvent['EventType'];
  EventResponse: AuthEvent['EventResponse'];
  EventRisk?: EventRisk;
  ChallengeResponses?: AuthEvent['ChallengeResponses'];
  IpAddress?: string | undefined;
  ClientId?: string;
  Challenge?: string;
  /** Decided beforehand when something (a notification) must name the event first. */
  EventId?: string;
}

type EventDeps = Pick<Deps, 'store' | 'clock'>;

/** Records an event for `user` when the pool's threat protection is on; its id, or undefined. */
export async function recordAuthEvent(deps: EventDeps, pool: UserPool, user: User, event: NewEvent): Promise<string | undefined> {
  const sub = user.Attributes.sub;
  if (threatMode(pool) === 'OFF' || sub === undefined) return undefined;
  const record: AuthEvent = {
    EventId: event.EventId ?? newUuid(),
    EventType: event.EventType,
    CreationDate: deps.clock.now(),
    EventResponse: event.EventResponse,
    EventRisk: event.EventRisk ?? NO_RISK,
    ChallengeResponses: event.ChallengeResponses ?? [],
    EventContextData: event.IpAddress !== undefined ? { IpAddress: event.IpAddress } : {},
    ...(event.ClientId !== undefined ? { ClientId: event.ClientId } : {}),
    ...(event.Challenge !== undefined ? { Challenge: event.Challenge } : {}),
  };
  const dropped = deps.store
    .listAuthEvents(pool.Id, sub)
    .slice(MAX_EVENTS_PER_USER - 1)
    .map((e) => e.EventId);
  if (dropped.length > 0) await deps.store.removeAuthEvents(pool.Id, sub, dropped);
  await deps.store.putAuthEvent(pool.Id, sub, record);
  return record.EventId;
}

/** Replaces one event of the user (by id); false when the user has no such event. */
export async function updateAuthEvent(
  deps: EventDeps,
  poolId: string,
  user: User,
  eventId: string,
  change: (event: AuthEvent) => AuthEvent,
): Promise<boolean> {
  const sub = user.Attributes.sub;
  if (sub === undefined) return false;
  const event = deps.store.listAuthEvents(poolId, sub).find((e) => e.EventId === eventId);
  if (!event) return false;
  await deps.store.putAuthEvent(poolId, sub, change(event));
  return true;
}

/** The user's sign-in through this client still waiting for a challenge answer, if any. */
export function pendingSignIn(deps: EventDeps, pool: UserPool, user: User, clientId: string): AuthEvent | undefined {
  const sub = user.Attributes.sub;
  if (sub === undefined) return undefined;
  const newest = deps.store.listAuthEvents(pool.Id, sub)[0];
  const fresh = newest !== undefined && deps.clock.now() - newest.CreationDate < IN_PROGRESS_MS;
  return fresh && newest.EventType === 'SignIn' && newest.EventResponse === 'InProgress' && newest.ClientId === clientId
    ? newest
    : undefined;
}

const MFA_CHALLENGES = new Set(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP', 'SELECT_MFA_TYPE', 'MFA_SETUP']);

/** An InProgress sign-in whose challenge was answered: Pass, with the MFA step when it was one. */
export const passed = (event: AuthEvent): AuthEvent => {
  const { Challenge, ...rest } = event;
  const mfa = Challenge !== undefined && MFA_CHALLENGES.has(Challenge);
  return {
    ...rest,
    EventResponse: 'Pass',
    ChallengeResponses: mfa
      ? [...event.ChallengeResponses, { ChallengeName: 'Mfa', ChallengeResponse: 'Success' }]
      : event.ChallengeResponses,
  };
};
