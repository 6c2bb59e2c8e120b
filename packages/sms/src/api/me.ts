import { MeResponse } from '@rapport/contract';
import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { requireApiKey, SECURITY, shopOf } from './auth.js';
import { errors } from './schemas.js';

export function registerMeRoutes(app: HttpApp, ctx: SmsContext): void {
  app.get(
    '/api/v2/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The shop this API key belongs to (used to validate a pasted key)',
        security: SECURITY,
        response: { 200: MeResponse, ...errors(401) },
      },
      preHandler: requireApiKey(ctx),
    },
    async (request) => {
      const shop = shopOf(request);
      return { resource_id: shop.shopId, resource_name: shop.shopName, resource_type: 'shop' };
    },
  );

  app.get(
    '/healthz',
    { schema: { tags: ['ops'], summary: 'Liveness: the process serves HTTP', response: { 200: Type.Object({ ok: Type.Boolean() }) } } },
    async () => ({ ok: true }),
  );
}
