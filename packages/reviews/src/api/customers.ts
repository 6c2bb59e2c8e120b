import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { customerTimeline, customerView, listCustomerViews, requireStoreCustomer } from '../customers/profile.js';
import { customerProfileSync } from '../integrations/postscript/profile-sync.js';
import { listOrderViews } from '../orders/views.js';
import { listReviews, reviewView } from '../reviews/list.js';
import { CustomerProfileView, CustomerView } from '../schemas/customers.js';
import { requireStore } from '../stores/stores.js';
import { STORE_SECURITY, type ApiAuth } from './auth.js';
import { errors, Id, Limit, StoreParams } from './schemas.js';

export function registerCustomerRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  app.get(
    '/api/stores/:store_id/customers',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['customers'],
        summary: 'Customers, newest first',
        params: StoreParams,
        querystring: Type.Object(
          {
            search: Type.Optional(Type.String({ maxLength: 200, description: 'Start of an email, phone, first or last name' })),
            limit: Type.Optional(Limit),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ customers: Type.Array(CustomerView) }), ...errors(401, 400, 404) },
      },
    },
    async (req) => {
      await requireStore(ctx.db, req.params.store_id);
      const customers = await listCustomerViews(ctx.db, req.params.store_id, {
        ...(req.query.search !== undefined ? { search: req.query.search } : {}),
        limit: req.query.limit ?? 100,
      });
      return { customers };
    },
  );

  app.get(
    '/api/stores/:store_id/customers/:customer_id',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['customers'],
        summary: 'A customer’s profile: reviews, orders, timeline, and the profile properties as last synced to Postscript',
        params: Type.Object({ store_id: Id(), customer_id: Id() }),
        response: { 200: CustomerProfileView, ...errors(401, 404) },
      },
    },
    async (req) => {
      const { store_id: storeId, customer_id: customerId } = req.params;
      const customer = await requireStoreCustomer(ctx.db, storeId, customerId);
      const [reviews, orders, timeline, postscript] = await Promise.all([
        listReviews(ctx.db, storeId, { customerId, limit: 100 }),
        listOrderViews(ctx.db, storeId, { customerId, limit: 100 }),
        customerTimeline(ctx.db, customerId, 100),
        customerProfileSync(ctx.db, storeId, customerId),
      ]);
      return {
        ...customerView(customer, reviews.length),
        first_name: customer.first_name,
        last_name: customer.last_name,
        zone_code: customer.zone_code,
        reviews: reviews.map(reviewView),
        orders: orders.map((o) => ({ order_id: o.order_id, name: o.name, created_at: o.created_at })),
        timeline,
        postscript,
      };
    },
  );
}
