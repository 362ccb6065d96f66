// GET/POST /oauth2/userInfo (https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html): attributes chosen by the
// access token's scopes,
// *_verified as strings here (booleans in ID tokens). Errors carry their details in
// WWW-Authenticate, as Cognito prints them (no "Bearer" scheme before error=).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import type { AppClient, User } from '../domain/model.js';
import { OAuthError } from '../errors/oauth-error.js';
import { readableAttributes } from '../tokens/claims.js';
import { verifyToken } from '../tokens/verify-token.js';

const PROFILE = [
  'name',
  'family_name',
  'given_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'updated_at',
];
const BY_SCOPE: Record<string, (name: string) => boolean> = {
  profile: (n) => PROFILE.includes(n) || n.startsWith('custom:'),
  email: (n) => n === 'email' || n === 'email_verified',
  phone: (n) => n === 'phone_number' || n === 'phone_number_verified',
};

const BAD_REQUEST = 'Bad OAuth2 request at UserInfo Endpoint';
const INVALID_TOKEN = 'Access token is expired, disabled, or deleted, or the user has globally signed out.';

export function userInfoClaims(user: User, client: AppClient, scopes: readonly string[]): Record<string, string> {
  const filters = scopes.flatMap((s) => (Object.hasOwn(BY_SCOPE, s) ? [BY_SCOPE[s]!] : []));
  const out: Record<string, string> = { sub: user.Attributes.sub ?? '' };
  for (const [name, value] of readableAttributes(user, client)) {
    // openid alone: everything the client may read; otherwise what profile / email / phone select.
    if (filters.length === 0 || filters.some((f) => f(name))) out[name] = value;
  }
  out.username = user.Username;
  return out;
}

const badRequest = () => new OAuthError('invalid_request', BAD_REQUEST, 400, true);
const invalidToken = (description: string) => new OAuthError('invalid_token', description, 401, true);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) return /^Bearer +([\w\-.~+/]+=*) *$/i.exec(header)?.[1];
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?.access_token === 'string' ? body.access_token : undefined;
}

export function userInfoRoutes(app: FastifyInstance, deps: Deps): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request);
    if (token === undefined) throw badRequest();
    const verified = await verifyToken(token, 'access', deps);
    if (typeof verified === 'string' || !verified.user || !verified.client) throw invalidToken(INVALID_TOKEN);
    // API-issued tokens (scope aws.cognito.signin.user.admin only) are refused here
    // (https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html).
    if (!verified.scopes.includes('openid')) throw invalidToken('Access token does not contain openid scope');
    return reply.type('application/json;charset=UTF-8').send(userInfoClaims(verified.user, verified.client, verified.scopes));
  };
  app.get('/oauth2/userInfo', handler);
  app.post('/oauth2/userInfo', handler);
}
