// ListUserSessions / AdminListUserSessions and RevokeUserSession / AdminRevokeUserSession: a user's
// token sessions (one per refresh-token family: src/sessions/token-sessions.ts), all of them in one
// page as Cognito gives them (up to 125), and revoking one with its refresh token and the tokens
// issued from it. ListUserSessions marks the session of the calling access token
// (IsCurrentSession); RevokeUserSession refuses to revoke that one.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserSessions.html
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeUserSession.html
import type {
  AdminListUserSessionsResponse,
  AdminRevokeUserSessionResponse,
  ListUserSessionsResponse,
  RevokeUserSessionResponse,
  SessionDescriptionType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import type { TokenSession, User, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { activeTokenSessions, revokeTokenSession } from '../../../sessions/token-sessions.js';
import { optionalEnum, optionalString, requiredString } from '../../input.js';
import { poolOrThrow, userOrThrow } from '../../lookup.js';
import type { Input, Operation, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';
import { userFromAccessToken } from '../users/access-token.js';

/** "Amazon Cognito returns all of a user's sessions in a single page of up to 125 sessions." */
const PAGE = 125;

function sessionType(session: TokenSession, currentOrigin: string | undefined): Wire<SessionDescriptionType> {
  return {
    SessionId: session.SessionId,
    SessionType: 'TOKEN',
    ClientId: session.ClientId,
    CreateDate: seconds(session.CreateDate),
    LastActiveDate: seconds(session.LastActiveDate),
    // The emulator parses no user agents and resolves no locations: both are Cognito's "unknown".
    DeviceType: 'unknown',
    LastIPAddress: session.LastIPAddress,
    LastLocation: { Country: 'unknown' },
    IsCurrentSession: currentOrigin !== undefined && session.OriginJti === currentOrigin,
  };
}

function listed(
  deps: Pick<Deps, 'clock' | 'store'>,
  pool: UserPool,
  user: User,
  input: Input,
  currentOrigin?: string,
): Wire<AdminListUserSessionsResponse & ListUserSessionsResponse> {
  // The whole list fits one page, so no NextToken is ever handed out and none is accepted.
  if (optionalString(input, 'NextToken', 131072) !== undefined)
    throw new CognitoError('InvalidParameterException', 'Invalid pagination token.');
  const sessions = activeTokenSessions(deps.store, deps.clock, pool.Id, user).slice(0, PAGE);
  return { Sessions: sessions.map((s) => sessionType(s, currentOrigin)) };
}

/** RevokeAssociatedSessions LINKED also ends the SSO session a token session came through; token sessions have none here. */
function readRevokeInput(input: Input): string {
  const sessionId = requiredString(input, 'SessionId', 28);
  optionalEnum(input, 'RevokeAssociatedSessions', ['NONE', 'LINKED'] as const);
  return sessionId;
}

async function revoke(deps: Pick<Deps, 'clock' | 'store'>, pool: UserPool, user: User, sessionId: string): Promise<void> {
  if (!(await revokeTokenSession(deps.store, deps.clock, pool.Id, user, sessionId))) {
    throw new CognitoError('ResourceNotFoundException', 'Session not found.');
  }
}

export const adminListUserSessions: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const user = userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
  return listed(deps, pool, user, input);
};

export const listUserSessions: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { pool, user, claims } = await userFromAccessToken(deps, input);
  return listed(deps, pool, user, input, typeof claims.origin_jti === 'string' ? claims.origin_jti : undefined);
};

export const adminRevokeUserSession: Operation<'clock' | 'store'> = (deps) => async (input) => {
  const pool = poolOrThrow(deps.store, requiredString(input, 'UserPoolId', 55));
  const user = userOrThrow(deps.store, pool, requiredString(input, 'Username', 128));
  await revoke(deps, pool, user, readRevokeInput(input));
  return {} satisfies Wire<AdminRevokeUserSessionResponse>;
};

export const revokeUserSession: Operation<'clock' | 'keys' | 'store' | 'urls'> = (deps) => async (input) => {
  const { pool, user, claims } = await userFromAccessToken(deps, input);
  const sessionId = readRevokeInput(input);
  const current = activeTokenSessions(deps.store, deps.clock, pool.Id, user).find((s) => s.OriginJti === claims.origin_jti);
  if (current?.SessionId === sessionId) {
    throw new CognitoError('InvalidParameterException', 'The session that the access token belongs to cannot be revoked with it.');
  }
  await revoke(deps, pool, user, sessionId);
  return {} satisfies Wire<RevokeUserSessionResponse>;
};
