// Threat protection on the hosted pages, which share the sign-in core with the JSON API: a sign-in
// there is an auth event with the browser's address, a refused one shows Cognito's message, and
// the tokens its code is redeemed for start a token session.
import t from 'tap';
import { testEmulator } from '../helpers/harness.js';
import { POOL_ID, PASSWORD, TEST_FIXTURE } from '../helpers/fixtures/index.js';
import { openLoginPage, redeemCode, signIn, submitLogin } from '../helpers/flow.js';

const [pool, ...others] = TEST_FIXTURE.UserPools;
const fixture = { ...TEST_FIXTURE, UserPools: [{ ...pool, UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } }, ...others] };
const { app, deps } = await testEmulator(t, { fixture });
const alice = () => deps.store.getUser(POOL_ID, 'alice')!;
const eventsOfAlice = () => deps.store.listAuthEvents(POOL_ID, alice().Attributes.sub!);

t.test('a hosted sign-in is recorded, and its tokens are a token session', async (t) => {
  const { code } = await signIn(app);
  t.match(eventsOfAlice()[0], { EventType: 'SignIn', EventResponse: 'Pass', EventContextData: { IpAddress: '127.0.0.1' } });
  const res = await redeemCode(app, { code });
  t.equal(res.statusCode, 200);
  const sessions = deps.store.listTokenSessions(POOL_ID, alice().Attributes.sub!);
  t.equal(sessions.length, 1);
  t.match(sessions[0], { SessionId: /^tkn/, LastIPAddress: '127.0.0.1' });
});

t.test("a sign-in refused by threat protection shows Cognito's message on the page", async (t) => {
  await app.inject({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.SetRiskConfiguration' },
    payload: JSON.stringify({ UserPoolId: POOL_ID, RiskExceptionConfiguration: { BlockedIPRangeList: ['127.0.0.0/8'] } }),
  });
  const page = await openLoginPage(app);
  const res = await submitLogin(app, page, 'alice', PASSWORD);
  t.equal(res.statusCode, 200);
  t.match(res.body, 'Unable to login because of security reasons.');
  t.match(eventsOfAlice()[0], { EventResponse: 'Fail', EventRisk: { RiskDecision: 'Block' } });
});
