// Minimal HTML inspection for hosted-page tests: the attributes of tags, as a scraping test script
// would see them (entities decoded). Enough for our own markup; not a general HTML parser.
import { PAGE_SCRIPT } from '../../src/hosted-ui/layout.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' };

export const decodeEntities = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|#96);/g, (_, e: string) => ENTITIES[e] ?? _);

export type Attrs = Record<string, string>;

/** Every `<tag …>` in the body, with its attributes (valueless attributes map to ''). */
export function tags(body: string, tag: string): Attrs[] {
  const out: Attrs[] = [];
  for (const m of body.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs: Attrs = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) {
      if (a[1] !== undefined) attrs[a[1]] = decodeEntities(a[2] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

/** The single tag matching all the given attribute values; throws when there is not exactly one. */
export function one(body: string, tag: string, match: Attrs): Attrs {
  const found = tags(body, tag).filter((a) => Object.entries(match).every(([k, v]) => a[k] === v));
  if (found.length !== 1) throw new Error(`expected one <${tag}> matching ${JSON.stringify(match)}, found ${found.length}`);
  return found[0] as Attrs;
}

/** The text of the element with the given id (entities decoded), or undefined. */
export function textOf(body: string, id: string): string | undefined {
  const m = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([^<]*)</\\1>`).exec(body);
  return m?.[2] === undefined ? undefined : decodeEntities(m[2]);
}

/** The page without its own script (the value-sync script the CSP allows by hash): what is left must hold no script. */
export const withoutPageScript = (body: string): string => body.replace(`<script>${PAGE_SCRIPT}</script>`, '');

/**
 * The tag matching the attribute values in both copies of a classic page (mobile, then desktop);
 * throws unless there are exactly two and they are the same.
 */
export function inBoth(body: string, tag: string, match: Attrs): Attrs {
  const found = tags(body, tag).filter((a) => Object.entries(match).every(([k, v]) => a[k] === v));
  if (found.length !== 2) throw new Error(`expected <${tag}> matching ${JSON.stringify(match)} in both copies, found ${found.length}`);
  if (JSON.stringify(found[0]) !== JSON.stringify(found[1])) throw new Error(`the two copies of <${tag}> ${JSON.stringify(match)} differ`);
  return found[0] as Attrs;
}
