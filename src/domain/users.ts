// Finding the user someone signs in as: by username, or by an email / phone / preferred_username
// alias when the pool signs users in that way (reference §11.4 USER_ID_FOR_SRP).
import type { User, UserPool } from './model.js';
import type { Store } from '../store/store.js';

export function findSignInUser(store: Store, pool: UserPool, login: string): User | undefined {
  const direct = store.getUser(pool.Id, login);
  if (direct) return direct;
  const aliases = [...pool.UsernameAttributes, ...pool.AliasAttributes];
  for (const name of aliases) {
    const found = store.findUserByAttribute(pool.Id, name, login);
    if (found) return found;
  }
  return undefined;
}
