// Everything a route needs, built once by createEmulator() and passed down as plugin options.
import type { Clock } from './clock.js';
import type { Credentials } from './domain/credentials.js';
import type { ExpiringMap } from './domain/expiring-map.js';
import type { Messages } from './domain/messages.js';
import type { Sessions } from './hosted-ui/sessions.js';
import type { Store } from './store/store.js';
import type { Keys } from './tokens/keys.js';
import type { TokenIssuer } from './tokens/token-issuer.js';
import type { Urls } from './urls.js';

/** A user who proved a temporary password and must choose a new one (hosted UI). */
export interface PasswordChallenge {
  userPoolId: string;
  username: string;
}

export interface Deps {
  store: Store;
  clock: Clock;
  keys: Keys;
  urls: Urls;
  tokens: TokenIssuer;
  credentials: Credentials;
  sessions: Sessions;
  passwordChallenges: ExpiringMap<PasswordChallenge>;
  messages: Messages;
}
