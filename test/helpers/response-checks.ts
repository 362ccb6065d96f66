// Safety checks on any response, shared by the fuzz and browser-safety tests. Each returns a
// description of the problem, or undefined when the response is safe:
// - htmlProblem: every `<` in an HTML body starts one of the tags our pages use, with only the
//   attributes they use, all quoted (so no injected tag or attribute can hide in a reflection);
// - locationProblem: a redirect goes to a registered CallbackURL / LogoutURL (parameters may be
//   appended) or to one of the emulator's own pages, never anywhere else;
// - headerProblem: no header carries CR/LF, and cookies are only the emulator's own, HttpOnly.
import { TEST_FIXTURE } from './fixture.js';

type Headers = Record<string, string | string[] | number | undefined>;

/** Every CallbackURL and LogoutURL of the test fixture: the only absolute redirect targets allowed. */
export const REGISTERED_URLS: readonly string[] = [...new Set(
  TEST_FIXTURE.UserPools.flatMap((p) => p.Clients.flatMap((c) => [
    ...((c as { CallbackURLs?: string[] }).CallbackURLs ?? []),
    ...((c as { LogoutURLs?: string[] }).LogoutURLs ?? []),
  ])),
)];

/** The emulator's own pages a browser may be sent to. */
const OWN_PAGES = ['/login', '/error'];

export function locationProblem(location: string, registered: readonly string[] = REGISTERED_URLS): string | undefined {
  // Browsers drop tabs and newlines from URLs and treat `\` as `/`: none may appear at all.
  if (/[\u0000-\u0020\u007f\\]/.test(location)) return `control character, space or backslash in Location ${JSON.stringify(location)}`;
  if (location.startsWith('/')) {
    if (location.startsWith('//')) return `protocol-relative Location ${location}`;
    const path = location.split(/[?#]/)[0];
    return OWN_PAGES.includes(path ?? '') ? undefined : `relative Location to an unexpected path ${location.slice(0, 100)}`;
  }
  for (const base of registered) {
    const rest = location.slice(base.length);
    if (location.startsWith(base) && (rest === '' || rest.startsWith('?') || rest.startsWith('#') || (base.includes('?') && rest.startsWith('&')))) {
      return undefined;
    }
  }
  return `redirect to an unregistered URL ${location.slice(0, 200)}`;
}

const COOKIES = new Set(['XSRF-TOKEN', 'cognito']);

export function headerProblem(headers: Headers): string | undefined {
  for (const [name, raw] of Object.entries(headers)) {
    if (/evil|inject/i.test(name)) return `injected header ${name}`;
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (typeof value === 'string' && /[\r\n\0]/.test(value)) return `CR/LF/NUL in header ${name}`;
    }
  }
  const setCookie = headers['set-cookie'];
  for (const cookie of Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [String(setCookie)]) {
    const name = cookie.slice(0, cookie.indexOf('='));
    if (!COOKIES.has(name)) return `unexpected cookie ${name}`;
    if (!/;\s*HttpOnly(;|$)/i.test(cookie)) return `cookie ${name} is not HttpOnly`;
    if (!/;\s*SameSite=Lax(;|$)/i.test(cookie)) return `cookie ${name} is not SameSite=Lax`;
  }
  const location = headers.location;
  if (location !== undefined) return locationProblem(String(location));
  return undefined;
}

/** The tags and attributes of the hosted pages (layout.ts, pages.ts). Anything else is injected. */
const TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'div', 'p', 'h1', 'strong', 'form', 'input', 'label']);
const ATTRIBUTES = new Set([
  'lang', 'charset', 'name', 'content', 'class', 'id', 'role', 'method', 'action', 'type', 'value', 'for', 'placeholder',
  'autocapitalize', 'autocomplete', 'required', 'novalidate', 'aria-label', 'data-testid',
]);

export function htmlProblem(body: string): string | undefined {
  const around = (i: number) => JSON.stringify(body.slice(Math.max(0, i - 40), i + 60));
  let i = 0;
  while ((i = body.indexOf('<', i)) >= 0) {
    const open = /^<(\/?)([!a-zA-Z][\w-]*)/.exec(body.slice(i, i + 64));
    if (!open) return `stray "<" ${around(i)}`;
    const tag = (open[2] ?? '').toLowerCase();
    if (!TAGS.has(tag)) return `unexpected tag <${tag}> ${around(i)}`;
    let j = i + open[0].length;
    for (;;) {
      while (/\s/.test(body[j] ?? '')) j++;
      if (j >= body.length) return `unterminated tag ${around(i)}`;
      if (body[j] === '>') break;
      const name = /^[^\s"'>/=]+/.exec(body.slice(j))?.[0];
      if (name === undefined) return `malformed attribute ${around(j)}`;
      if (tag === '!doctype' ? name.toLowerCase() !== 'html' : !ATTRIBUTES.has(name.toLowerCase())) return `unexpected attribute ${name} ${around(j)}`;
      j += name.length;
      if (body[j] !== '=') continue;
      j++;
      if (body[j] !== '"') return `unquoted attribute value ${around(j)}`;
      const end = body.indexOf('"', j + 1);
      if (end < 0) return `unterminated attribute value ${around(j)}`;
      const value = body.slice(j + 1, end);
      if (/[<>]/.test(value)) return `unescaped < or > in an attribute value ${around(j)}`;
      if (name === 'action' && (!value.startsWith('/') || value.startsWith('//'))) return `form action leaves the emulator: ${value.slice(0, 100)}`;
      j = end + 1;
    }
    i = j + 1;
    // The one stylesheet is ours; skip to its end (CSS has no "<").
    if (tag === 'style' && open[1] === '') i = body.indexOf('</style>', i);
    if (i < 0) return 'unterminated <style>';
  }
  return undefined;
}
