// GET /_emulator/totp?userPoolId=&username=: the code the user's authenticator app shows now (by
// the emulated clock), so a test can answer SOFTWARE_TOKEN_MFA without computing TOTP itself. The
// username may be any sign-in name (an email or phone alias). A secret waiting for
// VerifySoftwareToken is used when the user has no verified one yet.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { findSignInUser } from '../domain/users.js';
import { totpCode } from '../mfa/totp.js';
import { ControlError } from '../errors/control-error.js';

export function totpRoutes(app: FastifyInstance, deps: Pick<Deps, 'store' | 'clock'>): void {
  app.get('/_emulator/totp', async (request) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const userPoolId = typeof query.userPoolId === 'string' ? query.userPoolId : '';
    const username = typeof query.username === 'string' ? query.username : '';
    if (userPoolId === '' || username === '') throw new ControlError('invalid_request', 'userPoolId and username are required');
    const pool = deps.store.getPool(userPoolId);
    const user = pool && findSignInUser(deps.store, pool, username);
    if (!user) throw new ControlError('not_found', 'No such user in that pool', 404);
    const secret = user.SoftwareToken?.Secret ?? user.PendingSoftwareTokenSecret;
    if (secret === undefined) throw new ControlError('not_found', 'The user has no authenticator app (AssociateSoftwareToken)', 404);
    const now = deps.clock.now();
    return { code: totpCode(secret, now), verified: user.SoftwareToken !== undefined, validForSeconds: 30 - (Math.floor(now / 1000) % 30) };
  });
}
