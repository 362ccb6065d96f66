// POST /forceChangePassword: the step a FORCE_CHANGE_PASSWORD user goes through on the hosted
// page before continuing to the app (reference §3.3; path and field names are our choice, README).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { validateAuthorizeRequest, type Query } from '../oauth/authorize-request.js';
import { completeNewPassword } from '../sign-in/new-password.js';
import { redirectOnTriggerError } from '../oauth/trigger-errors.js';
import { csrfMatches, renderNewPassword, signedIn } from './login.js';
import { ErrorPageRedirect } from '../errors/oauth-error.js';
import { renderChallenge } from './mfa.js';

export function newPasswordRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/forceChangePassword', async (request, reply) => {
    const req = validateAuthorizeRequest(request.query as Query, deps.store);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const challengeId = typeof body.challenge === 'string' ? body.challenge : '';
    const again = (error: string, status = 200) => renderNewPassword(request, reply, deps, req, challengeId, status, error);
    if (!csrfMatches(request, body)) return again('Your form expired. Please try again.', 403);
    const password = typeof body.password === 'string' ? body.password : '';
    if (password !== body.confirm_password) return again('Passwords do not match.');
    const outcome = await redirectOnTriggerError(req, () => completeNewPassword({ deps, pool: req.pool, client: req.client }, { session: challengeId, password }));
    switch (outcome.kind) {
      case 'failed':
        // Expired or forged step, a user disabled or deleted meanwhile: start the sign-in again.
        throw new ErrorPageRedirect('invalid_request', req.client.ClientId);
      case 'invalid-password':
        return again(outcome.message);
      case 'challenge':
        return renderChallenge(request, reply, deps, req, outcome);
      case 'signed-in':
        return signedIn(request, reply, deps, req, outcome.user);
    }
  });
}
