// GET /error: Cognito's own error page, HTTP 400 HTML, where a bad client_id or redirect_uri lands.
import t from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { PUBLIC_CLIENT } from '../helpers/fixtures/index.js';
import { textOf, withoutPageScript } from '../helpers/html.js';

t.test('/error answers 400 HTML with the error code', async (t) => {
  const { app } = await testEmulator(t);
  const cases: Array<[string, string, string | undefined]> = [
    ['redirect_mismatch', `/error?error=redirect_mismatch&client_id=${PUBLIC_CLIENT}`, 'redirect_mismatch'],
    ['invalid_request', '/error?error=invalid_request', 'invalid_request'],
    ['no parameters', '/error', undefined],
    ['repeated error', '/error?error=a&error=b', undefined],
    ['hostile error', `/error?error=${encodeURIComponent('"><script>alert(1)</script>')}`, '"><script>alert(1)</script>'],
  ];
  for (const [name, url, shown] of cases) {
    const res = await app.inject({ url });
    t.equal(res.statusCode, 400, `${name}: 400`);
    t.equal(res.headers['content-type'], 'text/html; charset=utf-8', `${name}: html`);
    t.match(res.body, '<h1>An error was encountered with the requested page.</h1>', `${name}: Cognito's text`);
    t.equal(textOf(res.body, 'errorMessage'), shown, `${name}: error shown`);
    t.notMatch(withoutPageScript(res.body), /<script/i, `${name}: nothing unescaped`);
    t.equal(res.headers['x-frame-options'], 'DENY', `${name}: page headers`);
    t.equal(res.headers['cache-control'], 'no-cache, no-store, max-age=0, must-revalidate', `${name}: no-store`);
  }
});

t.test('the authorize error redirect leads to that page', async (t) => {
  const { app } = await testEmulator(t);
  const redirect = await app.inject({
    url: `/oauth2/authorize?response_type=code&client_id=${PUBLIC_CLIENT}&redirect_uri=https%3A%2F%2Fevil.example%2F`,
  });
  t.equal(redirect.statusCode, 302);
  const page = await app.inject({ url: String(redirect.headers.location) });
  t.equal(page.statusCode, 400);
  t.equal(textOf(page.body, 'errorMessage'), 'redirect_mismatch');
  t.notMatch(page.body, 'evil.example', 'the unregistered URI is not linked from the page');
});
