// The UI customization's stylesheet and logo, at the paths Cognito's CloudFront distribution uses
// (`/<pool>/<client or ALL>/<CSSVersion>/assets/...`; GetUICustomization's ImageUrl points here).
// A path names one version: an older version, another scope's or an unknown pool's is a 404. The
// content of a version never changes, so it may be cached.
// https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { customizationStylesheet, logoType, POOL_WIDE, uiCustomizationFor, type UiCustomization } from '../domain/ui-customization.js';

type Params = { poolId: string; scope: string; version: string };

export function customizationRoutes(app: FastifyInstance, deps: Deps): void {
  const current = (request: FastifyRequest<{ Params: Params }>): UiCustomization | undefined => {
    const { poolId, scope, version } = request.params;
    const pool = deps.store.getPool(poolId);
    const found = pool && uiCustomizationFor(pool, scope === POOL_WIDE ? undefined : scope);
    return found && found.scope === scope && found.version === version ? found : undefined;
  };
  const send = (reply: FastifyReply, type: string, body: string | Buffer) =>
    reply
      .header('cache-control', 'public, max-age=86400, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('access-control-allow-origin', '*')
      .type(type)
      .send(body);
  const notFound = (reply: FastifyReply) => reply.code(404).type('text/plain; charset=utf-8').send('Not Found');

  app.get<{ Params: Params }>('/:poolId/:scope/:version/assets/CSS/custom-css.css', async (request, reply) => {
    const found = current(request);
    if (found?.css === undefined) return notFound(reply);
    return send(reply, 'text/css; charset=utf-8', customizationStylesheet(found));
  });

  app.get<{ Params: Params }>('/:poolId/:scope/:version/assets/images/image.jpg', async (request, reply) => {
    const found = current(request);
    const bytes = found?.imageFile === undefined ? undefined : Buffer.from(found.imageFile, 'base64');
    const type = bytes && logoType(bytes);
    if (!bytes || !type) return notFound(reply);
    return send(reply, type, bytes);
  });
}
