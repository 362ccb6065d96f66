// In-memory state of federated sign-ins: the authorization requests waiting for their provider
// (keyed by the opaque `state` we send upstream), the emulated providers' one-time codes, and the
// identities tests pre-select for the emulated page. Cognito cancels a federated sign-in that does
// not complete within 5 minutes (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-oidc-flow.html).
import { randomBytes } from 'node:crypto';
import { ExpiringMap } from '../domain/expiring-map.js';
import { SharedMaps, type SharedMap } from '../domain/shared-map.js';
import type { AuthorizeRequest } from '../domain/authorize-request.js';

export const FEDERATION_MS = 5 * 60 * 1000;

export interface PendingFederation {
  request: AuthorizeRequest;
  providerName: string;
  /** Sent upstream and checked in the provider's ID token. */
  nonce: string;
  /**
   * Our origin for this sign-in (the one the authorize request came in on): the redirect_uri sent
   * upstream is its /oauth2/idpresponse, and the token request must repeat that exact value.
   */
  origin: string;
}

/** What an emulated provider's code stands for: the identity picked on its page. */
export interface EmulatedGrant {
  state: string;
  claims: Record<string, string>;
}

const opaque = () => randomBytes(32).toString('base64url');
const selectionKey = (poolId: string, providerName: string) => `${poolId}\u0000${providerName}`;

export class Federations {
  private readonly pending: ExpiringMap<PendingFederation>;
  private readonly codes: ExpiringMap<EmulatedGrant>;
  /** pool + provider → claims the emulated page uses without asking (until cleared). */
  private readonly selections: SharedMap<Record<string, string>>;

  /** With replicas (`maps`), a sign-in started on one is finished on another. */
  constructor(
    private readonly now: () => number,
    maps?: SharedMaps,
  ) {
    this.pending = new ExpiringMap(now, maps?.map('federationPending'));
    this.codes = new ExpiringMap(now, maps?.map('federationCodes'));
    this.selections = (maps ?? new SharedMaps()).map('federationSelections');
  }

  /** Returns the opaque state that identifies the sign-in upstream. */
  start(pending: PendingFederation): string {
    const state = opaque();
    this.pending.set(state, pending, this.now() + FEDERATION_MS);
    return state;
  }

  peek(state: string): PendingFederation | undefined {
    return this.pending.get(state);
  }

  /** Single use: a replayed provider response finds nothing. */
  finish(state: string): Promise<PendingFederation | undefined> {
    return this.pending.take(state);
  }

  issueCode(grant: EmulatedGrant): string {
    const code = opaque();
    this.codes.set(code, grant, this.now() + FEDERATION_MS);
    return code;
  }

  redeemCode(code: string): Promise<EmulatedGrant | undefined> {
    return this.codes.take(code);
  }

  select(poolId: string, providerName: string, claims: Record<string, string>): void {
    this.selections.set(selectionKey(poolId, providerName), claims);
  }

  unselect(poolId: string, providerName: string): void {
    this.selections.delete(selectionKey(poolId, providerName));
  }

  selected(poolId: string, providerName: string): Record<string, string> | undefined {
    return this.selections.get(selectionKey(poolId, providerName));
  }

  /** Cancels the federated sign-ins in progress that match (those of a deleted app client or pool). */
  forgetWhere(match: (pending: PendingFederation) => boolean): void {
    for (const [state, pending] of this.pending.entries()) if (match(pending)) this.pending.delete(state);
  }

  /** Forgets a deleted pool's pre-selected identities. */
  forgetPool(poolId: string): void {
    for (const key of [...this.selections.keys()]) if (key.startsWith(selectionKey(poolId, ''))) this.selections.delete(key);
  }

  purge(): void {
    this.pending.purge();
    this.codes.purge();
  }

  clear(): void {
    this.pending.clear();
    this.codes.clear();
    this.selections.clear();
  }
}
