// The CSS a classic hosted UI customization may carry, by Cognito's rules
// (https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html):
// rules on the customizable classes only, no @import / @supports / @page / @media (we refuse
// every at-rule) and no JavaScript. Of what is accepted, only the properties Cognito's CSS
// template offers for each class reach the pages ("Added CSS keys will not be reflected in your
// UI"); GetUICustomization still returns the CSS exactly as it was set.

/**
 * Each customizable selector and the properties the pages apply for it: AWS's list of properties
 * per element, plus the few more that the CSS template Cognito hands out sets (border-radius,
 * text-align, padding), as in the GetUICustomization example of the API reference.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  '.background-customizable': ['background-color'],
  '.banner-customizable': ['padding', 'background-color'],
  '.errorMessage-customizable': ['margin', 'padding', 'font-size', 'width', 'background', 'border', 'color', 'box-sizing'],
  '.idpButton-customizable': ['height', 'width', 'text-align', 'margin-bottom', 'color', 'background-color', 'border-color'],
  '.idpButton-customizable:hover': ['color', 'background-color'],
  '.idpDescription-customizable': ['padding-top', 'padding-bottom', 'display', 'font-size'],
  '.inputField-customizable': ['width', 'height', 'color', 'background-color', 'border', 'border-radius'],
  '.inputField-customizable:focus': ['border-color', 'outline'],
  '.label-customizable': ['font-weight'],
  '.legalText-customizable': ['color', 'font-size'],
  '.logo-customizable': ['max-width', 'max-height'],
  '.passwordCheck-notValid-customizable': ['color'],
  '.passwordCheck-valid-customizable': ['color'],
  '.redirect-customizable': ['text-align'],
  '.socialButton-customizable': ['border-radius', 'height', 'margin-bottom', 'padding', 'text-align', 'width'],
  '.submitButton-customizable': ['font-size', 'font-weight', 'margin', 'width', 'height', 'color', 'background-color', 'text-align'],
  '.submitButton-customizable:hover': ['color', 'background-color'],
  '.textDescription-customizable': ['padding-top', 'padding-bottom', 'display', 'font-size'],
};

export const CUSTOMIZABLE_SELECTORS: readonly string[] = Object.keys(ALLOWED);

export interface CssRule {
  selectors: string[];
  declarations: Array<[property: string, value: string]>;
}

/** Why Cognito would refuse this CSS, or the rules it is made of. */
export function parseCustomizationCss(css: string): { rules: CssRule[] } | { refused: string } {
  if (/javascript\s*:|expression\s*\(|<\s*script|behavior\s*:|-moz-binding/i.test(css))
    return { refused: 'JavaScript is not allowed in the CSS.' };
  const text = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ');
  const rules: CssRule[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('{', at);
    if (open < 0) break;
    const selectorText = text.slice(at, open).trim();
    if (selectorText.startsWith('@')) return { refused: `${selectorText.split(/\s/)[0]} statements are not allowed in the CSS.` };
    const close = text.indexOf('}', open);
    const nested = text.indexOf('{', open + 1);
    if (close < 0 || (nested >= 0 && nested < close)) return { refused: 'The CSS is not well formed.' };
    const selectors = selectorText.split(',').map((s) => s.trim());
    const wrong = selectors.find((s) => !Object.hasOwn(ALLOWED, s));
    if (wrong !== undefined) return { refused: `${wrong.slice(0, 80) || '(empty selector)'} is not one of the customizable CSS classes.` };
    const declarations: CssRule['declarations'] = [];
    for (const part of text.slice(open + 1, close).split(';')) {
      if (part.trim() === '') continue;
      const colon = part.indexOf(':');
      if (colon < 0) return { refused: 'The CSS is not well formed.' };
      declarations.push([part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim()]);
    }
    rules.push({ selectors, declarations });
    at = close + 1;
  }
  const rest = text.slice(at).trim();
  if (rest.startsWith('@')) return { refused: `${rest.split(/\s/)[0]} statements are not allowed in the CSS.` };
  if (rest !== '') return { refused: 'The CSS is not well formed.' };
  return { rules };
}

/** The stylesheet the pages get: each accepted rule with only the properties Cognito applies for its class. */
export function renderCustomizationCss(rules: readonly CssRule[]): string {
  const out: string[] = [];
  for (const { selectors, declarations } of rules) {
    for (const selector of selectors) {
      const allowed = ALLOWED[selector] ?? [];
      const kept = declarations.filter(([property, value]) => allowed.includes(property) && !/[<>{}\\]/.test(value));
      if (kept.length > 0) out.push(`${selector}{${kept.map(([p, v]) => `${p}:${v}`).join(';')}}`);
    }
  }
  return out.join('\n');
}
