import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { listOrderViews, requireOrderDetail } from '../orders/views.js';
import { OrderDetailView, OrderView } from '../schemas/orders.js';
import { requireStore } from '../stores/stores.js';
import { STORE_SECURITY, type ApiAuth } from './auth.js';
import { errors, Id, Limit, StoreParams } from './schemas.js';

export function registerOrderRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  app.get(
    '/api/stores/:store_id/orders',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['orders'],
        summary: 'Orders, newest first, each with its review request: scheduled, sent, cancelled and why, or not recruited and why',
        params: StoreParams,
        querystring: Type.Object({ customer_id: Type.Optional(Id()), limit: Type.Optional(Limit) }, { additionalProperties: false }),
        response: { 200: Type.Object({ orders: Type.Array(OrderView) }), ...errors(401, 400, 404) },
      },
    },
    async (req) => {
      await requireStore(ctx.db, req.params.store_id);
      const orders = await listOrderViews(ctx.db, req.params.store_id, {
        ...(req.query.customer_id !== undefined ? { customerId: req.query.customer_id } : {}),
        limit: req.query.limit ?? 100,
      });
      return { orders };
    },
  );

  app.get(
    '/api/stores/:store_id/orders/:order_id',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['orders'],
        summary: 'One order with its line items and every review request',
        params: Type.Object({ store_id: Id(), order_id: Id() }),
        response: { 200: OrderDetailView, ...errors(401, 404) },
      },
    },
    async (req) => requireOrderDetail(ctx.db, req.params.store_id, req.params.order_id),
  );
}
