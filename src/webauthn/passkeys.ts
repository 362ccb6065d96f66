// A user's passkeys as sign-in sees them: those registered for the relying party the pool has now
// (a passkey made for another relying party id cannot answer this one's challenges).
import type { Store } from '../store/store.js';
import type { Urls } from '../urls.js';
import type { User, UserPool, WebAuthnCredential } from '../domain/model.js';
import { relyingPartyOf } from './relying-party.js';

export function signInPasskeys(deps: { store: Store; urls: Urls }, pool: UserPool, user: User): WebAuthnCredential[] {
  const rp = relyingPartyOf(pool, deps.urls);
  if (!rp) return [];
  return deps.store.getWebAuthnCredentials(pool.Id, user.Username).filter((c) => c.RelyingPartyId === rp.id);
}
