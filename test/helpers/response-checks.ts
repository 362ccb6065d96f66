// Safety checks on any response, shared by the fuzz and browser-safety tests. Each returns a
// description of the problem, or undefined when the response is safe:
// - htmlProblem: every `<` in an HTML body starts one of the tags our pages use, with only the
//   attributes they use, all quoted (so no injected tag or attribute can hide in a reflection);
// - locationProblem: a redirect goes to a registered CallbackURL / LogoutURL (parameters may be
//   appended) or to one of the emulator's own pages, never anywhere else;
// - headerProblem: no header carries CR/LF, and cookies are only the emulator's own, HttpOnly.
import { PAGE_SCRIPT } from '../../src/hosted-ui/layout.js';
import { PUBLIC_URL } from './harness.js';
import { TEST_FIXTURE } from './fixtures/index.js';

type Headers = Record<string, string | string[] | number | undefined>;

/** Every CallbackURL and LogoutURL of the test fixture: the only absolute redirect targets allowed. */
export const REGISTERED_URLS: readonly string[] = [
  ...new Set(
    TEST_FIXTURE.UserPools.flatMap((p) =>
      p.Clients.flatMap((c) => [
        ...((c as { CallbackURLs?: string[] }).CallbackURLs ?? []),
        ...((c as { LogoutURLs?: string[] }).LogoutURLs ?? []),
      ]),
    ),
  ),
];

/** The emulator's own pages a browser may be sent to (relative, or absolute on its PUBLIC_URL). */
const OWN_PAGES = ['/login', '/error', '/signup', '/confirm', '/forgotPassword', '/confirmForgotPassword'];

export function locationProblem(
  given: string,
  registered: readonly string[] = REGISTERED_URLS,
  ownOrigin = PUBLIC_URL,
): string | undefined {
  let location = given;
  // Browsers drop tabs and newlines from URLs and treat `\` as `/`: none may appear at all.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
  if (/[\u0000-\u0020\u007f\\]/.test(location)) return `control character, space or backslash in Location ${JSON.stringify(location)}`;
  if (location.startsWith(`${ownOrigin}/`)) location = location.slice(ownOrigin.length);
  if (location.startsWith('/')) {
    if (location.startsWith('//')) return `protocol-relative Location ${location}`;
    const path = location.split(/[?#]/)[0];
    return OWN_PAGES.includes(path ?? '') ? undefined : `relative Location to an unexpected path ${location.slice(0, 100)}`;
  }
  for (const base of registered) {
    const rest = location.slice(base.length);
    if (
      location.startsWith(base) &&
      (rest === '' || rest.startsWith('?') || rest.startsWith('#') || (base.includes('?') && rest.startsWith('&')))
    ) {
      return undefined;
    }
  }
  return `redirect to an unregistered URL ${location.slice(0, 200)}`;
}

const COOKIES = new Set(['XSRF-TOKEN', 'cognito']);

/** `ownOrigin`: the emulator's PUBLIC_URL, where its own pages may be sent absolutely. */
export function headerProblem(headers: Headers, ownOrigin = PUBLIC_URL): string | undefined {
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
  if (location !== undefined) return locationProblem(String(location), REGISTERED_URLS, ownOrigin);
  return undefined;
}

/** The tags and attributes of the hosted pages (layout.ts, pages.ts). Anything else is injected. */
const TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'script',
  'body',
  'div',
  'p',
  'h1',
  'span',
  'strong',
  'center',
  'a',
  'form',
  'input',
  'label',
  'button',
  'link',
  'img',
]);
const ATTRIBUTES = new Set([
  'lang',
  'charset',
  'name',
  'content',
  'class',
  'id',
  'role',
  'method',
  'action',
  'type',
  'value',
  'for',
  'placeholder',
  'href',
  'autocapitalize',
  'autocomplete',
  'required',
  'novalidate',
  'aria-label',
  'aria-hidden',
  'data-testid',
  'rel',
  'src',
  'alt',
]);

export function htmlProblem(body: string): string | undefined {
  const around = (i: number) => JSON.stringify(body.slice(Math.max(0, i - 40), i + 60));
  for (let i = body.indexOf('<'); i >= 0; i = body.indexOf('<', i)) {
    const open = /^<(\/?)([!a-zA-Z][\w-]*)/.exec(body.slice(i, i + 64));
    if (!open) return `stray "<" ${around(i)}`;
    const tag = (open[2] ?? '').toLowerCase();
    if (!TAGS.has(tag)) return `unexpected tag <${tag}> ${around(i)}`;
    let j = i + open[0].length;
    for (;;) {
      while (/\s/.test(body[j] ?? '')) j++;
      if (j >= body.length) return `unterminated tag ${around(i)}`;
      if (body[j] === '>') break;
      if (body.startsWith('/>', j)) {
        j++;
        break;
      }
      const name = /^[^\s"'>/=]+/.exec(body.slice(j))?.[0];
      if (name === undefined) return `malformed attribute ${around(j)}`;
      if (tag === '!doctype' ? name.toLowerCase() !== 'html' : !ATTRIBUTES.has(name.toLowerCase()))
        return `unexpected attribute ${name} ${around(j)}`;
      j += name.length;
      if (body[j] !== '=') continue;
      j++;
      if (body[j] !== '"') return `unquoted attribute value ${around(j)}`;
      const end = body.indexOf('"', j + 1);
      if (end < 0) return `unterminated attribute value ${around(j)}`;
      const value = body.slice(j + 1, end);
      if (/[<>]/.test(value)) return `unescaped < or > in an attribute value ${around(j)}`;
      if ((name === 'action' || name === 'href') && (!value.startsWith('/') || value.startsWith('//')))
        return `${name} leaves the emulator: ${value.slice(0, 100)}`;
      j = end + 1;
    }
    i = j + 1;
    // The one stylesheet is ours; skip to its end (CSS has no "<").
    if (tag === 'style' && open[1] === '') i = body.indexOf('</style>', i);
    if (i < 0) return 'unterminated <style>';
    // The one script must be exactly the page's own.
    if (tag === 'script' && open[1] === '') {
      if (!body.startsWith(`${PAGE_SCRIPT}</script>`, i)) return `a script that is not the page's own ${around(i)}`;
      i += PAGE_SCRIPT.length;
    }
  }
  return undefined;
}
