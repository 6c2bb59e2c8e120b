import {
  accountLinkUrl,
  accountsDb,
  InvitationView,
  issueToken,
  registerAccountRoutes,
  SESSION_SECURITY,
  type HttpApp,
  type SessionAuth,
} from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { CreateShopBody, DashboardShop, InvitationBody } from '../schemas/shops.js';
import { createShopForUser, dashboardShopView, listShopsForUser } from '../shops/shops.js';
import { errors } from './schemas.js';
import type { ApiKeyAuth } from './auth.js';
import { SECURITY } from './auth.js';

/** The dashboard's own routes: the account routes (kit), onboarding's "create your shop", invitations. */
export function registerDashboardRoutes(app: HttpApp, ctx: SmsContext, session: SessionAuth, shopAuth: ApiKeyAuth): void {
  registerAccountRoutes(app, {
    db: accountsDb(ctx.db),
    clock: ctx.clock,
    auth: session,
    tenants: { key: 'shops', schema: DashboardShop, list: async (user) => (await listShopsForUser(ctx.db, user)).map(dashboardShopView) },
  });
  const tags = ['dashboard: account'];

  app.post(
    '/api/dashboard/shops',
    {
      onRequest: session.onRequest,
      schema: {
        tags,
        summary: 'Create a shop (onboarding); the creator is given it',
        security: SESSION_SECURITY,
        body: CreateShopBody,
        response: { 201: DashboardShop, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const shop = await createShopForUser(ctx.db, ctx.clock.now(), session.principal(request).user, request.body);
      return reply.code(201).send(dashboardShopView(shop));
    },
  );

  app.post(
    '/api/dashboard/invitations',
    {
      onRequest: shopAuth.onRequest,
      schema: {
        tags,
        summary: 'Invite a teammate to the shop named in X-Rapport-Shop: a one-time link, valid 7 days',
        security: SECURITY,
        body: InvitationBody,
        response: { 201: InvitationView, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const shop = shopAuth.principal(request);
      const createdBy = session.hasCookie(request) ? session.principal(request).user.id : null;
      const { token, expiresAt } = await issueToken(accountsDb(ctx.db), ctx.clock.now(), {
        kind: 'invitation',
        email: request.body.email,
        tenantId: shop.shopId,
        createdBy,
      });
      return reply.code(201).send({ url: accountLinkUrl(ctx.config.smsApiUrl, token), expires_at: expiresAt.toISOString() });
    },
  );
}
