// The page frame shared by /login, the change-password step and /error: simple CSS, no scripts,
// so the Content-Security-Policy can forbid every script.
import { createHash } from 'node:crypto';
import { html, SafeHtml } from './html.js';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f2f3f3;color:#16191f}
.banner{background:#232f3e;color:#fff;padding:10px 24px;font-size:13px;letter-spacing:.02em}
.modal-dialog{max-width:380px;margin:48px auto;padding:0 16px}
.modal-content{background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15);padding:28px 28px 20px}
h1{font-size:20px;margin:0 0 4px}.client{color:#545b64;margin:0 0 20px;font-size:14px}
label{display:block;font-weight:600;margin:14px 0 4px;font-size:14px}
input[type=text],input[type=password]{width:100%;padding:9px 10px;border:1px solid #aab7b8;border-radius:4px;font-size:15px}
input:focus{outline:2px solid #0073bb;border-color:#0073bb}
.btn{display:block;width:100%;margin-top:20px;padding:10px;border:0;border-radius:4px;background:#ec7211;color:#fff;font-weight:700;font-size:15px;cursor:pointer}
.btn:hover{background:#eb5f07}.error{background:#fde8e8;border:1px solid #d13212;color:#d13212;border-radius:4px;padding:8px 10px;margin:12px 0 0;font-size:14px}
.footer{color:#687078;font-size:12px;text-align:center;margin-top:16px}
`;

export function page(title: string, body: SafeHtml): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<div class="banner">cognito-emulator · local test sign-in (not Amazon Cognito)</div>
<div class="modal-dialog">
<div class="modal-content background-customizable modal-content-desktop visible-md visible-lg">
${body}
</div>
<p class="footer">Served by cognito-emulator</p>
</div>
</body>
</html>`;
}

/**
 * Pages carry no script at all; the one inline stylesheet is allowed by its hash. No form-action:
 * browsers apply it to the redirect after a sign-in POST, which goes to the app's own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
