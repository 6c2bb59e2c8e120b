import {
  accountLinkUrl,
  accountsDb,
  canAccessTenant,
  InvitationView,
  issueToken,
  NotFound,
  registerAccountRoutes,
  SESSION_SECURITY,
  type HttpApp,
} from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { ConnectStoreBody, DashboardStore, StoreInvitationBody } from '../schemas/stores.js';
import { connectStoreForUser, dashboardStoreView, listStoresForUser } from '../stores/stores.js';
import type { ApiAuth } from './auth.js';
import { errors } from './schemas.js';

/** The dashboard's own routes: the account routes (kit), onboarding's "connect your store", invitations. */
export function registerDashboardRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  const { session } = auth;
  registerAccountRoutes(app, {
    db: accountsDb(ctx.db),
    clock: ctx.clock,
    auth: session,
    tenants: {
      key: 'stores',
      schema: DashboardStore,
      list: async (user) => (await listStoresForUser(ctx.db, user)).map(dashboardStoreView),
    },
  });
  const tags = ['dashboard: account'];

  app.post(
    '/api/dashboard/stores',
    {
      onRequest: session.onRequest,
      schema: {
        tags,
        summary: 'Connect a store (onboarding); the creator is given it',
        security: SESSION_SECURITY,
        body: ConnectStoreBody,
        response: { 201: DashboardStore, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const store = await connectStoreForUser(ctx.db, ctx.clock.now(), session.principal(request).user, request.body);
      return reply.code(201).send(dashboardStoreView(store));
    },
  );

  app.post(
    '/api/dashboard/invitations',
    {
      onRequest: session.onRequest,
      schema: {
        tags,
        summary: 'Invite a teammate to a store: a one-time link, valid 7 days',
        security: SESSION_SECURITY,
        body: StoreInvitationBody,
        response: { 201: InvitationView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { user } = session.principal(request);
      const storeId = request.body.store_id;
      if (!(await canAccessTenant(accountsDb(ctx.db), user, storeId))) throw new NotFound(`no store ${storeId}`, ['body', 'store_id']);
      const { token, expiresAt } = await issueToken(accountsDb(ctx.db), ctx.clock.now(), {
        kind: 'invitation',
        email: request.body.email,
        tenantId: storeId,
        createdBy: user.id,
      });
      return reply.code(201).send({ url: accountLinkUrl(ctx.publicUrl, token), expires_at: expiresAt.toISOString() });
    },
  );
}
