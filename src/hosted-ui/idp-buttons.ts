// The identity-provider buttons of the classic hosted sign-in page: social providers under "Sign
// In with your social account" (button[name=googleSignUpButton] …, with the legal text), SAML and
// OIDC providers under "Sign in with your corporate ID" (form[name=loginWithIdentityProvider]
// input[value=<name>]), in the order of the client's SupportedIdentityProviders. Each goes to
// /oauth2/authorize with the page's own request plus identity_provider, without scripts: the
// buttons submit GET forms whose hidden fields carry that request.
import type { AppClient, IdentityProvider } from '../domain/model.js';
import { html, type SafeHtml } from './html.js';
import type { Store } from '../store/store.js';
import { SOCIAL_TYPES } from '../federation/provider-rules.js';

const SOCIAL: Record<string, { button: string; css: string; label: string }> = {
  Google: { button: 'googleSignUpButton', css: 'google-button', label: 'Continue with Google' },
  Facebook: { button: 'facebookSignUpButton', css: 'facebook-button', label: 'Continue with Facebook' },
  LoginWithAmazon: { button: 'amazonSignUpButton', css: 'amazon-button', label: 'Continue with Amazon' },
  SignInWithApple: { button: 'appleSignUpButton', css: 'apple-button', label: 'Continue with Apple' },
};

/** The client's providers (COGNITO aside) that exist in the pool, in the client's order. */
export function offeredProviders(store: Store, client: AppClient): IdentityProvider[] {
  return client.SupportedIdentityProviders.flatMap((name) => {
    const provider = name === 'COGNITO' ? undefined : store.getIdentityProvider(client.UserPoolId, name);
    return provider ? [provider] : [];
  });
}

/** The authorize request's parameters as hidden fields (the provider choice itself left out). */
function requestFields(query: Record<string, unknown>): SafeHtml[] {
  return Object.entries(query)
    .filter(([name, value]) => typeof value === 'string' && name !== 'identity_provider' && name !== 'idp_identifier')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value as string}">`);
}

export function providerButtons(providers: readonly IdentityProvider[], query: Record<string, unknown>): SafeHtml {
  if (providers.length === 0) return html``;
  const fields = requestFields(query);
  const social = providers.filter((p) => SOCIAL_TYPES.includes(p.ProviderType));
  const corporate = providers.filter((p) => !SOCIAL_TYPES.includes(p.ProviderType));
  return html`<div class="panel panel-right-border col-md-6 col-lg-6" data-testid="identity-providers">
${
  social.length > 0
    ? html`<span class="idpDescription-customizable">Sign In with your social account</span>
${social.map((p) => {
  const look = SOCIAL[p.ProviderType];
  return html`<form method="get" action="/oauth2/authorize">${fields}<input type="hidden" name="identity_provider" \
value="${p.ProviderName}">
<button type="submit" name="${look?.button ?? 'socialSignUpButton'}" class="btn ${look?.css ?? ''} socialButton-customizable" \
data-testid="idp-${p.ProviderName}"><span>${look?.label ?? `Continue with ${p.ProviderName}`}</span></button></form>`;
})}
<span class="legalText-customizable">We won't post to any of your accounts without asking first</span>`
    : ''
}
${
  corporate.length > 0
    ? html`<form name="loginWithIdentityProvider" method="get" action="/oauth2/authorize">${fields}
<span class="idpDescription-customizable">Sign in with your corporate ID</span>
${corporate.map(
  (p) => html`<input type="submit" name="identity_provider" value="${p.ProviderName}" class="btn btn-info \
idpButton-customizable" aria-label="${p.ProviderName}" data-testid="idp-${p.ProviderName}">`,
)}
</form>`
    : ''
}
</div>`;
}
