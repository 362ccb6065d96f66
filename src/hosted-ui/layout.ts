// The frame of the classic hosted pages. Like Cognito's, every page renders its content twice: a
// mobile copy, then a desktop copy, with the same ids in both. Bootstrap 3's visible-* classes
// (same breakpoints) show exactly one copy at any viewport width, and a small script copies what
// is typed into one copy into the other, as Cognito's page does, so scripts may type into one copy
// and submit the other. The script and the stylesheet are allowed by hash; the app client's UI
// customization (SetUICustomization) comes as a same-origin stylesheet after ours, so its rules win,
// and its logo sits in the banner where Cognito puts it (img.logo-customizable).
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-ui-customization.html
import { createHash } from 'node:crypto';
import type { HostedUIDesktopClass, UserPool } from '../domain/model.js';
import { logoPath, stylesheetPath, uiCustomizationFor } from '../domain/ui-customization.js';
import { html, SafeHtml } from './html.js';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:14px/1.43 "Helvetica Neue",Helvetica,Arial,sans-serif;background:#f2f3f3;color:#333}
.visible-xs,.visible-sm,.visible-md,.visible-lg{display:none!important}
@media (max-width:767px){.visible-xs{display:block!important}}
@media (min-width:768px) and (max-width:991px){.visible-sm{display:block!important}}
@media (min-width:992px) and (max-width:1199px){.visible-md{display:block!important}}
@media (min-width:1200px){.visible-lg{display:block!important}}
.container{padding:0 15px;margin:0 auto}.modal-dialog{max-width:380px;margin:40px auto}
.modal-content{background:#fff;border:1px solid rgba(0,0,0,.2);border-radius:6px;box-shadow:0 3px 9px rgba(0,0,0,.2)}
.banner-customizable{background:#232f3e;color:#fff;padding:10px 20px;border-radius:6px 6px 0 0;font-size:12px}
.modal-body{padding:20px 24px}.panel{border:0;margin:0}
.textDescription-customizable{display:block;font-size:16px;font-weight:600;margin-bottom:12px}
h1{font-size:20px;margin:0 0 8px}label{display:block;font-weight:700;margin:10px 0 4px}
.form-control{display:block;width:100%;padding:6px 12px;font-size:14px;border:1px solid #ccc;border-radius:4px;height:34px}
.form-control:focus{outline:2px solid #66afe9;border-color:#66afe9}
.btn{display:block;width:100%;margin:16px 0 8px;padding:8px;border:0;border-radius:4px;background:#ec7211;color:#fff;font-weight:700;\
font-size:14px;cursor:pointer}
.btn:hover{background:#eb5f07}.btn-link{background:none;color:#0073bb;padding:0;margin:8px 0;width:auto;font-weight:400}\
.btn-link:hover{background:none;text-decoration:underline}
.errorMessage-customizable{color:#d13212;background:#fde8e8;border:1px solid #d13212;border-radius:4px;padding:6px 10px;margin:10px 0}
.redirect-customizable{display:block;margin:8px 0;color:#0073bb}.redirect-customizable span{color:#333}
.footer-customizable{color:#687078;font-size:12px;text-align:center;margin:12px 0 0}
`;

/** Copies every typed value into the inputs of the same name in the other copy (Cognito ships the same behaviour). */
export const PAGE_SCRIPT =
  `document.addEventListener('input',function(e){var t=e.target;if(!t||!t.name||t.type==='hidden')return;` +
  `var all=document.getElementsByName(t.name);for(var ` +
  `i=0;i<all.length;i++){if(all[i]!==t&&all[i].type===t.type)all[i].value=t.value;}},true);`;

const MOBILE = 'modal-content background-customizable modal-content-mobile visible-xs visible-sm';
const desktop = (variant: HostedUIDesktopClass) => `modal-content background-customizable ${variant} visible-md visible-lg`;

/** What a customization adds to a page: its stylesheet and logo (same-origin paths). */
interface Look {
  stylesheet?: string;
  logo?: string;
}

function copy(containerClass: string, body: SafeHtml, look: Look): SafeHtml {
  const banner = look.logo === undefined ? 'cognito-emulator' : html`<img class="logo-customizable" src="${look.logo}" alt="Logo">`;
  return html`<div class="${containerClass}">
<div><div><div class="banner-customizable"><center>${banner}</center></div></div></div>
<div class="modal-body">
${body}
</div>
</div>`;
}

function frame(title: string, content: SafeHtml, look: Look = {}): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
${look.stylesheet === undefined ? '' : html`<link rel="stylesheet" href="${look.stylesheet}">\n`}</head>
<body>
<div class="container"><div class="modal-dialog">
${content}
<p class="footer-customizable">cognito-emulator · local test sign-in (not Amazon Cognito)</p>
</div></div>
<script>${new SafeHtml(PAGE_SCRIPT)}</script>
</body>
</html>`;
}

/** The pool and app client a page is shown for: its desktop class and UI customization. */
export interface PageOwner {
  pool: UserPool;
  client: { ClientId: string };
}

function lookOf(owner: PageOwner): Look {
  const found = uiCustomizationFor(owner.pool, owner.client.ClientId);
  if (!found) return {};
  return {
    ...(found.css !== undefined ? { stylesheet: stylesheetPath(found) } : {}),
    ...(found.imageFile !== undefined ? { logo: logoPath(found) } : {}),
  };
}

/**
 * A page with forms: the body twice, mobile copy first, desktop copy second (the pool's class),
 * customized for the page's app client. Given only a desktop class, the page is not customized.
 */
export function classicPage(body: SafeHtml, owner: PageOwner | HostedUIDesktopClass | undefined = undefined): SafeHtml {
  const desktopClass = (typeof owner === 'object' ? owner.pool.HostedUIDesktopClass : owner) ?? 'modal-content-desktop';
  const look = typeof owner === 'object' ? lookOf(owner) : {};
  // Cognito titles every classic page "Signin".
  return frame(
    'Signin',
    html`${copy(MOBILE, body, look)}
${copy(desktop(desktopClass), body, look)}`,
    look,
  );
}

/** A page without forms (the error page): one container. */
export function singlePage(title: string, body: SafeHtml): SafeHtml {
  return frame(title, copy('modal-content background-customizable', body, {}));
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Only the page's own stylesheet and sync script run (by hash), plus same-origin stylesheets: the
 * only text/css the emulator serves is a UI customization, checked and reduced to Cognito's
 * customizable classes and properties (nosniff keeps any other answer from loading as CSS). No
 * form-action: browsers apply it to the redirect after a sign-in POST, which goes to the app's own
 * origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)} 'self'`,
  `script-src ${sha256(PAGE_SCRIPT)}`,
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
