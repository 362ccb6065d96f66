// A user's token sessions as ListUserSessions and AdminListUserSessions answer them
// (SessionDescriptionType; one session per refresh-token family: src/sessions/token-sessions.ts),
// all of them in one page as Cognito gives them (up to 125).
import type {
  AdminListUserSessionsResponse,
  ListUserSessionsResponse,
  SessionDescriptionType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps } from '../../../deps.js';
import type { TokenSession, User, UserPool } from '../../../domain/model.js';
import { CognitoError } from '../../../errors/cognito-error.js';
import { activeTokenSessions } from '../../../sessions/token-sessions.js';
import { optionalString } from '../../input.js';
import type { Input, Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';

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

export function listed(
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
