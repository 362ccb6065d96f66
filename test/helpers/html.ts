// What a test reads off a hosted page, as a scraping script or a browser would: the attributes of tags
// (entities decoded; enough for our own markup, not a general HTML parser) and the cookies, from
// app.inject() responses and from fetch() responses alike.
import type { FastifyInstance } from 'fastify';
import { PAGE_SCRIPT } from '../../src/hosted-ui/layout.js';

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#96': '`' };

/** One pass, so `&amp;quot;` stays `&quot;`. */
export const decodeEntities = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|#x27|#96);/g, (_, e: string) => ENTITIES[e] ?? _);

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

/** The cookies an injected response sets, name → value (the last one wins). */
export function responseCookies(res: Injected): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.cookies as Array<{ name: string; value: string }>) out[c.name] = c.value;
  return out;
}

/** The full cookie record (attributes included) an injected response sets under `name`. */
export function responseCookie(res: Injected, name: string): Record<string, unknown> | undefined {
  return (res.cookies as Array<Record<string, unknown>>).find((c) => c.name === name);
}

/** name → value of every Set-Cookie of a fetch() response (later ones win; a cleared cookie is ''). */
export function setCookies(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

/** `name=value; name2=value2` for a Cookie header; cleared cookies ('') are not sent. */
export const cookieHeader = (cookies: Record<string, string> | Map<string, string>): string =>
  [...(cookies instanceof Map ? cookies : Object.entries(cookies))]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
