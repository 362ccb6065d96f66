// /_emulator/federation/select: pre-selects the identity the emulated provider page signs in
// with, so headless tests skip the page. Body {UserPoolId, ProviderName, Identity: {sub, …claims}}
// or {UserPoolId, ProviderName, Sub} naming one of the provider's EmulatedIdentities. DELETE with
// {UserPoolId, ProviderName} shows the page again.
import type { FastifyInstance } from 'fastify';
import { ControlError } from '../errors/control-error.js';
import type { Deps } from '../deps.js';
import type { IdentityProvider } from '../domain/model.js';
import { isEmulated } from '../federation/start.js';

const record = (raw: unknown): Record<string, unknown> =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};

export function federationControlRoutes(app: FastifyInstance, deps: Deps): void {
  const providerOf = (input: Record<string, unknown>): IdentityProvider => {
    const { UserPoolId: poolId, ProviderName: name } = input;
    const provider = typeof poolId === 'string' && typeof name === 'string' ? deps.store.getIdentityProvider(poolId, name) : undefined;
    if (!provider) throw new ControlError('ResourceNotFound', 'Send the UserPoolId and ProviderName of an identity provider', 404);
    if (!isEmulated(provider))
      throw new ControlError('InvalidRequest', `${provider.ProviderName} is a real OIDC provider: it has no emulated page`);
    return provider;
  };

  app.post('/_emulator/federation/select', async (request) => {
    const input = record(request.body);
    const provider = providerOf(input);
    const typed = record(input.Identity);
    const claims =
      typeof input.Sub === 'string'
        ? provider.EmulatedIdentities?.find((i) => i.sub === input.Sub)
        : Object.values(typed).every((v) => typeof v === 'string')
          ? (typed as Record<string, string>)
          : undefined;
    if (!claims?.sub)
      throw new ControlError(
        'InvalidRequest',
        'Send Identity: {"sub": "...", <claim>: "<string>"} or the Sub of one of the provider\'s EmulatedIdentities',
      );
    deps.federations.select(provider.UserPoolId, provider.ProviderName, claims);
    return { selected: claims };
  });

  app.delete('/_emulator/federation/select', async (request) => {
    const provider = providerOf(record(request.body));
    deps.federations.unselect(provider.UserPoolId, provider.ProviderName);
    return { selected: null };
  });
}
