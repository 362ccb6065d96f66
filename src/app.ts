// buildApp(deps): registers the area plugins; never listens (Fastify's testing guide separates
// the app from listen, so tests inject requests and listen.ts binds the socket).
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { federationControlRoutes } from './control/federation-select.js';
import { emulatedPageRoutes } from './hosted-ui/emulated-idp-page.js';
import { idpResponseRoutes } from './hosted-ui/idp-response.js';
import { faultHook } from './control/fault-hook.js';
import { controlRoutes, type ControlDeps } from './control/routes.js';
import { StateUnavailable } from './errors/cognito-error.js';
import { messagesRoutes } from './control/messages.js';
import { riskRoutes } from './control/risk.js';
import { totpRoutes } from './control/totp.js';
import { cognitoErrorBody } from './cognito-api/errors.js';
import { cognitoApiRoutes } from './cognito-api/routes.js';
import { userImportUploadRoutes } from './cognito-api/operations/user-import/upload-route.js';
import { browserScope, injectedFaultPageHandler } from './hosted-ui/browser-errors.js';
import { customizationRoutes } from './hosted-ui/customization-routes.js';
import { errorPageRoutes } from './hosted-ui/error-page.js';
import { forgotPasswordRoutes } from './hosted-ui/forgot-password.js';
import { loginRoutes } from './hosted-ui/login.js';
import { logoutRoutes } from './hosted-ui/logout.js';
import { mfaRoutes } from './hosted-ui/mfa.js';
import { mfaChoiceRoutes } from './hosted-ui/mfa-choice.js';
import { mfaSetupRoutes } from './hosted-ui/mfa-setup.js';
import { newPasswordRoutes } from './hosted-ui/new-password.js';
import { signUpRoutes } from './hosted-ui/signup.js';
import { authorizeRoutes } from './oauth/authorize.js';
import { corsPreflightRoutes } from './oauth/cors.js';
import { oauthJsonScope } from './oauth/json-scope.js';
import { revokeRoutes } from './oauth/revoke.js';
import { tokenRoutes } from './oauth/token.js';
import { userInfoRoutes } from './oauth/userinfo.js';
import { wellKnownRoutes } from './well-known/routes.js';

/** Large enough for any Cognito request; anything bigger is refused with 413. */
export const BODY_LIMIT = 256 * 1024;

/**
 * No route declares a JSON schema: each area reads its own input and answers with Cognito's errors.
 * Left to itself Fastify would load Ajv and fast-json-stringify for schemas we never give it (a
 * third of the bundle, ~40 ms of start-up: README, Performance); these stand-ins keep them unloaded and fail
 * loudly if a route ever does declare one.
 */
function noRouteSchemas() {
  return ({ url }: { url?: string }): never => {
    throw new Error(`route ${url ?? '?'} declares a schema, but Fastify's schema compilers are disabled (src/app.ts)`);
  };
}

/** With DATABASE_URL: what every request does so that it sees every change acknowledged before it (store/replica.ts). */
export interface ReplicaHooks {
  catchUp(): Promise<void>;
  settled(): Promise<unknown>;
}

export function buildApp(deps: ControlDeps, logger: Logger | false = false, replica?: ReplicaHooks): FastifyInstance {
  const options = {
    bodyLimit: BODY_LIMIT,
    // Per-request info lines would drown test output; an onResponse hook logs them at debug.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle' as const,
    // HEAD is answered by each GET route itself (the onRoute hook below) instead of by a second,
    // Fastify-made route per GET path: half the routes to set up at start, same answers.
    exposeHeadRoutes: false,
    schemaController: { compilersFactory: { buildValidator: noRouteSchemas, buildSerializer: noRouteSchemas } },
  };
  const app = (logger
    ? Fastify({ ...options, loggerInstance: logger })
    : Fastify({ ...options, logger: false })) as unknown as FastifyInstance;

  // A HEAD request runs the GET handler: the answer has GET's headers (Content-Length included) and
  // Node's response leaves the body out for HEAD (RFC 9110 §9.3.2).
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (methods.includes('GET') && !methods.includes('HEAD')) route.method = [...methods, 'HEAD'];
  });
  app.register(formbody, { bodyLimit: BODY_LIMIT });
  app.register(cookie);
  // Only when debug lines are wanted: otherwise the hook would build their fields for every response.
  const debugLines = logger ? logger.isLevelEnabled('debug') : false;
  if (debugLines) {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.debug(
        { method: request.method, url: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
      done();
    });
  }

  // Once close() has begun, answers close their connection: otherwise a client that had a request in
  // flight keeps an idle keep-alive connection that server.close() waits out (72 s in Fastify).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    // The HEAD of an empty answer gets GET's Content-Length: 0, which Fastify leaves out for HEAD.
    if (payload == null && request.method === 'HEAD' && reply.statusCode >= 200 && reply.statusCode !== 204 && reply.statusCode !== 304) {
      reply.header('content-length', '0');
    }
    done(null, payload);
  });

  if (replica) {
    // First of all: state as of the request's arrival. Last of all: the request's own changes committed.
    app.addHook('onRequest', async () => {
      await replica.catchUp();
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      try {
        await replica.settled();
        return payload;
      } catch (err) {
        reply.log.error({ err }, 'a change could not be written to the database');
        // Whatever the path, the refusal is the JSON API's: the response was already made when this runs.
        return cognitoErrorBody(reply, new StateUnavailable());
      }
    });
  }

  // 200 once fixtures are loaded and keys are ready: both happen before the server listens.
  app.get('/health', async () => ({ status: 'ok' }));
  faultHook(app, deps.faults);
  // An injected fault on a path outside every area below (/health, an unknown path) becomes a page.
  app.setErrorHandler(injectedFaultPageHandler(deps.urls.secure));

  // Browser-facing routes: errors become Cognito's /error page or a redirect to the app.
  app.register(async (browser) => {
    browserScope(browser, deps.urls.secure);
    authorizeRoutes(browser, deps);
    loginRoutes(browser, deps);
    newPasswordRoutes(browser, deps);
    mfaRoutes(browser, deps);
    mfaChoiceRoutes(browser, deps);
    mfaSetupRoutes(browser, deps);
    signUpRoutes(browser, deps);
    forgotPasswordRoutes(browser, deps);
    logoutRoutes(browser, deps);
    errorPageRoutes(browser);
    idpResponseRoutes(browser, deps);
    emulatedPageRoutes(browser, deps);
  });

  // JSON OAuth endpoints: errors become {"error": ...}; every answer is uncached and readable cross-origin.
  app.register(async (oauth) => {
    oauthJsonScope(oauth);
    tokenRoutes(oauth, deps);
    revokeRoutes(oauth, deps);
    userInfoRoutes(oauth, deps);
    corsPreflightRoutes(oauth);
  });

  app.register(async (wellKnown) => wellKnownRoutes(wellKnown, deps));
  app.register(async (assets) => customizationRoutes(assets, deps));
  // The Cognito Identity Provider JSON API (POST / with X-Amz-Target).
  app.register(async (api) => cognitoApiRoutes(api, deps));
  // The pre-signed upload URL of user import jobs (Cognito's is on S3), with its own body parser.
  app.register(async (upload) => userImportUploadRoutes(upload, deps));
  // Test control (/_emulator/*), never part of Cognito's surface.
  app.register(async (control) => {
    controlRoutes(control, deps);
    messagesRoutes(control, deps);
    federationControlRoutes(control, deps);
    totpRoutes(control, deps);
    riskRoutes(control, deps);
  });
  return app;
}
