// List pagination of the JSON API's List* operations: pages ordered by a key, with an opaque NextToken.
import { CognitoError } from '../errors/cognito-error.js';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of `items` ordered by `key`. The token names the last key returned, so pages stay
 * consistent while records are added or deleted between calls. Tokens are opaque base64url.
 */
export function paginate<T>(items: readonly T[], key: (item: T) => string, limit: number, token: string | undefined): Page<T> {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  let after: string | undefined;
  if (token !== undefined) {
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
      if (typeof parsed.after === 'string') after = parsed.after;
    } catch {
      // handled below
    }
    // Wording unconfirmed: Cognito answers a forged token with InvalidParameterException.
    if (after === undefined) throw new CognitoError('InvalidParameterException', 'Invalid pagination token.');
  }
  const rest = after === undefined ? sorted : sorted.filter((item) => key(item) > after);
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return rest.length > limit && last !== undefined
    ? { items: page, nextToken: Buffer.from(JSON.stringify({ after: key(last) })).toString('base64url') }
    : { items: page };
}
