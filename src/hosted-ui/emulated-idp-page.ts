// The emulated provider page: stands in for Google, Facebook, Login with Amazon, Sign in with Apple
// and SAML identity providers offline. A person or a test picks one of the provider's predefined
// identities (fixtures: EmulatedIdentities) or types one; a pre-selection made through
// /_emulator/federation/select skips the page. The browser then returns to /oauth2/idpresponse
// with a one-time code, as from a real provider. It only ever redirects to our own idpresponse.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import type { IdentityProvider } from '../domain/model.js';
import { ErrorPageRedirect } from '../errors/oauth-error.js';
import { html, type SafeHtml } from './html.js';
import { singlePage } from './layout.js';
import { csrfMatches } from './form-page.js';
import { issueXsrfToken } from '../http/cookies.js';
import { param, type Query } from '../http/params.js';
import { withParams } from '../http/params.js';
import type { PendingFederation } from '../state/federations.js';
import { EMULATED_PAGE_PATH, idpResponseUrl } from '../federation/start.js';

type Body = Record<string, unknown> | undefined;
const field = (body: Body, name: string): string => {
  const value = body?.[name];
  return typeof value === 'string' && value.length <= 4096 ? value.trim() : '';
};

const TYPED = ['sub', 'email', 'name', 'given_name', 'family_name'] as const;

interface PageView {
  provider: IdentityProvider;
  state: string;
  csrf: string;
  error?: string;
}

function emulatedPage(v: PageView): SafeHtml {
  const identities = v.provider.EmulatedIdentities ?? [];
  return singlePage(
    `Emulated ${v.provider.ProviderName} sign-in`,
    html`<h1>Emulated ${v.provider.ProviderName} sign-in</h1>
<p class="client" data-testid="emulated-notice">This page is served by cognito-emulator in place of the ${v.provider.ProviderType} \
identity provider. No real account is used.</p>
${v.error ? html`<p class="error" role="alert" data-testid="emulated-error">${v.error}</p>` : ''}
${identities.map(
  (identity, i) => html`<form method="post" action="${EMULATED_PAGE_PATH}" data-testid="emulated-identity">
<input type="hidden" name="_csrf" value="${v.csrf}"><input type="hidden" name="state" value="${v.state}">\
<input type="hidden" name="identity" value="${i}">
<button type="submit" class="btn" name="pick" \
data-testid="emulated-pick-${identity.sub ?? i}">${identity.email ?? identity.name ?? identity.sub}</button>
</form>`,
)}
<form method="post" action="${EMULATED_PAGE_PATH}" data-testid="emulated-form">
<input type="hidden" name="_csrf" value="${v.csrf}"><input type="hidden" name="state" value="${v.state}">
${TYPED.map(
  (name) => html`<label for="emulated-${name}">${name}</label>\
<input id="emulated-${name}" name="${name}" type="text" data-testid="emulated-${name}">`,
)}
<label for="emulated-claims">More claims (one <code>name=value</code> a line)</label>
<textarea id="emulated-claims" name="claims" rows="3" data-testid="emulated-claims"></textarea>
<button type="submit" class="btn" data-testid="emulated-submit">Sign in as this identity</button>
</form>`,
  );
}

/** Claims typed on the page: the fixed fields plus `name=value` lines. */
function typedClaims(body: Body): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const line of field(body, 'claims').split(/\r?\n/)) {
    const at = line.indexOf('=');
    if (at > 0) claims[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  for (const name of TYPED) {
    const value = field(body, name);
    if (value !== '') claims[name] = value;
  }
  return claims;
}

export function emulatedPageRoutes(app: FastifyInstance, deps: Deps): void {
  const providerFor = (state: string | null | undefined) => {
    const pending = typeof state === 'string' ? deps.federations.peek(state) : undefined;
    const provider = pending && deps.store.getIdentityProvider(pending.request.pool.Id, pending.providerName);
    if (!pending || !provider || typeof state !== 'string') throw new ErrorPageRedirect('invalid_request', undefined);
    return { provider, state, pending };
  };
  const render = (reply: FastifyReply, view: Omit<PageView, 'csrf'>, status = 200) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(emulatedPage({ ...view, csrf: issueXsrfToken(reply, deps.urls.secure) }).value);
  // Back to idpresponse on the origin the sign-in started on (the page's form posts to its own origin).
  const back = (reply: FastifyReply, state: string, pending: PendingFederation, claims: Record<string, string>) => {
    const code = deps.federations.issueCode({ state, claims });
    return reply.redirect(
      withParams(idpResponseUrl(pending), [
        ['code', code],
        ['state', state],
      ]),
      302,
    );
  };

  app.get(EMULATED_PAGE_PATH, async (request, reply) => {
    const { provider, state, pending } = providerFor(param(request.query as Query, 'state'));
    const selected = deps.federations.selected(provider.UserPoolId, provider.ProviderName);
    if (selected) return back(reply, state, pending, selected);
    return render(reply, { provider, state });
  });

  app.post(EMULATED_PAGE_PATH, async (request: FastifyRequest, reply) => {
    const body = request.body as Body;
    const { provider, state, pending } = providerFor(field(body, 'state'));
    if (!csrfMatches(request, body)) return render(reply, { provider, state, error: 'The form expired. Please try again.' }, 403);
    const index = field(body, 'identity');
    const claims = index !== '' ? provider.EmulatedIdentities?.[Number(index)] : typedClaims(body);
    if (!claims?.sub) return render(reply, { provider, state, error: 'Give the identity a subject (sub).' }, 200);
    return back(reply, state, pending, claims);
  });
}
