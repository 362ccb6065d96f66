// POST /forceChangePassword: the step a FORCE_CHANGE_PASSWORD user goes through on the hosted
// page before continuing to the app (reference §3.3; path and field names are our choice, README).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { passwordPolicyProblem } from '../domain/password-policy.js';
import { savePassword } from '../domain/users.js';
import { validateAuthorizeRequest, type Query } from '../oauth/authorize-request.js';
import { csrfMatches, renderNewPassword, signedIn } from './login.js';
import { ErrorPageRedirect } from '../errors/oauth-error.js';

export function newPasswordRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/forceChangePassword', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const challengeId = typeof body.challenge === 'string' ? body.challenge : '';
    const challenge = deps.passwordChallenges.get(challengeId);
    const user = challenge && challenge.userPoolId === req.pool.Id ? deps.store.getUser(req.pool.Id, challenge.username) : undefined;
    if (!user || !user.Enabled || user.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
      // Expired or forged step, or a user disabled meanwhile: start the sign-in again.
      throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
    }
    const again = (error: string, status = 200) => renderNewPassword(request, reply, deps, req, challengeId, status, error);
    if (!csrfMatches(request, body)) return again('Your form expired. Please try again.', 403);
    const password = typeof body.password === 'string' ? body.password : '';
    if (password !== body.confirm_password) return again('Passwords do not match.');
    const problem = passwordPolicyProblem(password);
    if (problem) return again(problem);
    deps.passwordChallenges.delete(challengeId);
    const updated = await savePassword(deps, user, password, () => ({ UserStatus: 'CONFIRMED' }));
    // Deleted while the password was hashed: start the sign-in again.
    if (!updated) throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
    return signedIn(request, reply, deps, req, updated);
  });
}
