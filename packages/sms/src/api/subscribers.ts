import { CreateSubscriberBody, UpdateSubscriberBody, WIRE_LIMITS } from '@rapport/contract';
import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import { ConsentEventView, SubscriberListView, SubscriberSearchView, SubscriberView } from '../schemas/subscribers.js';
import { listConsentEvents } from '../subscribers/consent.js';
import { createSubscriber } from '../subscribers/create.js';
import { requireSubscriber } from '../subscribers/find.js';
import { listSubscribers, searchSubscribers, SORT_FIELDS, type ListQuery } from '../subscribers/list.js';
import { updateSubscriber } from '../subscribers/update.js';
import { subscriberView } from '../subscribers/view.js';
import { SECURITY, type ApiKeyAuth } from './auth.js';
import { errors, IdParam } from './schemas.js';

const CreateBody = Type.Object(
  {
    ...CreateSubscriberBody.properties,
    shopify_customer_id: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 20, pattern: '^\\d+$' })])),
  },
  { additionalProperties: false },
);

const UpdateBody = Type.Object(
  {
    ...UpdateSubscriberBody.properties,
    first_name: Type.Optional(Type.String({ maxLength: WIRE_LIMITS.name, description: 'Extension: replaces the first name.' })),
    last_name: Type.Optional(Type.String({ maxLength: WIRE_LIMITS.name, description: 'Extension: replaces the last name.' })),
  },
  { additionalProperties: false },
);

/** A filter value; an `__in` list holds at most 100 comma-separated values. */
const filter = (description: string) => Type.Optional(Type.String({ maxLength: 4000, description }));
const ListQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, description: '1-based; 100 subscribers per page' })),
  sort: Type.Optional(
    Type.String({ maxLength: 60, description: `{field}__asc|__desc, field ∈ ${SORT_FIELDS.join(', ')}; default created_at__asc` }),
  ),
  email__eq: filter('Exact email (case-insensitive)'),
  email__contains: filter('Substring of the email'),
  email__in: filter('Comma-separated emails'),
  phone_number__eq: filter('Phone number in any format; normalised to E.164'),
  phone_number__contains: filter('Digits contained in the number'),
  phone_number__in: filter('Comma-separated phone numbers'),
  shopify_customer_id__eq: filter('Shopify customer id'),
  shopify_customer_id__contains: filter('Substring of the Shopify customer id'),
  shopify_customer_id__in: filter('Comma-separated Shopify customer ids'),
  created_at__eq: filter('ISO 8601'),
  created_at__gt: filter('ISO 8601'),
  created_at__gte: filter('ISO 8601'),
  created_at__lt: filter('ISO 8601'),
  created_at__lte: filter('ISO 8601'),
  updated_at__eq: filter('ISO 8601'),
  updated_at__gt: filter('ISO 8601'),
  updated_at__gte: filter('ISO 8601'),
  updated_at__lt: filter('ISO 8601'),
  updated_at__lte: filter('ISO 8601'),
});

export function registerSubscriberRoutes(app: HttpApp, ctx: SmsContext, auth: ApiKeyAuth): void {
  app.post(
    '/api/v2/subscribers',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['subscribers'],
        summary: 'Add a subscriber (pending until they reply Y to the double opt-in text)',
        description:
          '201 with a new pending subscriber, who is sent the double opt-in text. 200 with the existing subscriber when the shop already has this number (tags and properties merged as PATCH does; no second text) — unless they had opted out, in which case they become pending again and get a fresh opt-in text.',
        security: SECURITY,
        body: CreateBody,
        response: { 200: SubscriberView, 201: SubscriberView, ...errors(400, 401) },
      },
    },
    async (request, reply) => {
      const shop = auth.principal(request);
      const { subscriber, created } = await createSubscriber(ctx, { id: shop.shopId, name: shop.shopName }, request.body);
      return reply.code(created ? 201 : 200).send(subscriberView(subscriber));
    },
  );

  app.get(
    '/api/v2/subscribers',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['subscribers'],
        summary: 'List confirmed subscribers (filters field__op=value, 100 per page)',
        security: SECURITY,
        querystring: ListQuerySchema,
        response: { 200: SubscriberListView, ...errors(400, 401) },
      },
    },
    async (request) => {
      const shop = auth.principal(request);
      const r = await listSubscribers(ctx.db, shop.shopId, request.query as ListQuery);
      return { page_info: { page: r.page, total_pages: r.totalPages }, subscribers: r.rows.map(subscriberView) };
    },
  );

  app.get(
    '/api/v2/subscribers/:id',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['subscribers'],
        summary: 'Get a subscriber',
        security: SECURITY,
        params: IdParam,
        response: { 200: SubscriberView, ...errors(401, 404) },
      },
    },
    async (request) => subscriberView(await requireSubscriber(ctx.db, auth.principal(request).shopId, request.params.id)),
  );

  app.get(
    '/api/subscribers',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['subscribers'],
        summary: 'Extension: search every subscriber (pending included) by phone digits or email, by status; newest first, 100 a page',
        security: SECURITY,
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 254, description: 'Digits of the phone number, or part of the email' })),
            status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('subscribed'), Type.Literal('unsubscribed')])),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SubscriberSearchView, ...errors(400, 401) },
      },
    },
    async (request) => {
      const r = await searchSubscribers(ctx.db, auth.principal(request).shopId, request.query);
      return { page_info: { page: r.page, total_pages: r.totalPages, total: r.total }, subscribers: r.rows.map(subscriberView) };
    },
  );

  app.get(
    '/api/subscribers/:id/consent',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['subscribers'],
        summary: "Extension: a subscriber's consent history (opt-in requests, confirmations, opt-outs), oldest first",
        security: SECURITY,
        params: IdParam,
        response: { 200: Type.Object({ consent: Type.Array(ConsentEventView) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const shopId = auth.principal(request).shopId;
      await requireSubscriber(ctx.db, shopId, request.params.id);
      return { consent: await listConsentEvents(ctx.db, shopId, request.params.id) };
    },
  );

  app.patch(
    '/api/v2/subscribers/:id',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['subscribers'],
        summary: 'Update a subscriber: properties merge per key (null deletes), tags add, email only if none',
        security: SECURITY,
        params: IdParam,
        body: UpdateBody,
        response: { 200: SubscriberView, ...errors(400, 401, 404) },
      },
    },
    async (request) => subscriberView(await updateSubscriber(ctx, auth.principal(request).shopId, request.params.id, request.body)),
  );
}
