// GET /oauth2/idpresponse: where providers send the browser back with `code` and our `state`.
// The code is redeemed (upstream for OIDC, locally for the emulated providers), the federated
// user created or updated, and the original authorization completed to the app.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { ErrorPageRedirect } from '../errors/oauth-error.js';
import { signedIn } from './signed-in.js';
import { param, type Query } from '../http/params.js';
import { redirectOnTriggerError } from '../oauth/trigger-errors.js';
import { FederationError } from '../federation/federation-error.js';
import { federatedUser } from '../federation/federated-user.js';
import { federationRedirect, IDP_RESPONSE_PATH, idpResponseUrl, isEmulated } from '../federation/start.js';
import { oidcClaims } from '../federation/upstream-oidc.js';

export function idpResponseRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(IDP_RESPONSE_PATH, async (request, reply) => {
    const query = request.query as Query;
    const state = param(query, 'state');
    const pending = typeof state === 'string' ? await deps.federations.finish(state) : undefined;
    // Unknown, replayed or expired (5 minutes): nothing tells us the app, so Cognito's error page.
    if (!pending || typeof state !== 'string') throw new ErrorPageRedirect('invalid_request', undefined);
    const req = pending.request;
    const provider = deps.store.getIdentityProvider(req.pool.Id, pending.providerName);
    if (!provider) throw federationRedirect(req, 'Login option is not available. Please try another one');
    try {
      const upstreamError = param(query, 'error');
      if (typeof upstreamError === 'string') {
        // Wording unconfirmed: the provider's own description is passed on.
        const description = param(query, 'error_description');
        throw new FederationError(`${provider.ProviderName} Error - ${typeof description === 'string' ? description : upstreamError}`);
      }
      const code = param(query, 'code');
      if (typeof code !== 'string' || code === '')
        throw new FederationError(`${provider.ProviderName} Error - code missing in the response`);
      let claims: Record<string, unknown>;
      if (isEmulated(provider)) {
        const grant = await deps.federations.redeemCode(code);
        if (!grant || grant.state !== state) throw new FederationError(`${provider.ProviderName} Error - 400 error getting token`);
        claims = grant.claims;
      } else {
        claims = await oidcClaims(provider, code, idpResponseUrl(pending), pending.nonce);
      }
      const user = await redirectOnTriggerError(req, () => federatedUser(deps, req.pool, req.client.ClientId, provider, claims));
      return await signedIn(request, reply, deps, req, user);
    } catch (err) {
      if (err instanceof FederationError) throw federationRedirect(req, err.message);
      throw err;
    }
  });
}
