import { MeResponse } from '@rapport/contract';
import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import { SECURITY, type ApiKeyAuth } from './auth.js';
import { errors } from './schemas.js';

export function registerMeRoutes(app: HttpApp, auth: ApiKeyAuth): void {
  app.get(
    '/api/v2/me',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['identity'],
        summary: 'The shop this API key belongs to (used to validate a pasted key)',
        security: SECURITY,
        response: { 200: MeResponse, ...errors(401) },
      },
    },
    async (request) => {
      const shop = auth.principal(request);
      return { resource_id: shop.shopId, resource_name: shop.shopName, resource_type: 'shop' };
    },
  );

  app.get(
    '/healthz',
    { schema: { tags: ['ops'], summary: 'Liveness: the process serves HTTP', response: { 200: Type.Object({ ok: Type.Boolean() }) } } },
    async () => ({ ok: true }),
  );
}
