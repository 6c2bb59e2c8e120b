import { Type } from '@fastify/type-provider-typebox';
import { HttpError, type HttpApp } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { requireStoreKey, STORE_SECURITY } from './auth.js';
import { deliveryLogEntry, listDeliveryLog, replayDelivery } from '../integrations/postscript/delivery-log.js';
import {
  disconnectPostscript,
  findIntegration,
  integrationView,
  PostscriptConnectError,
  savePostscriptIntegration,
} from '../integrations/postscript/settings.js';
import { getStore } from '../stores/stores.js';
import { errors, Limit, Nullable, StoreParams } from './schemas.js';

const Integration = Type.Object({
  connected: Type.Boolean(),
  status: Type.Optional(Type.Union([Type.Literal('connected'), Type.Literal('needs_attention')])),
  status_reason: Type.Optional(Nullable(Type.String())),
  private_key: Type.Optional(Type.String({ description: 'Masked: "sk_…wxyz"' })),
  api_url: Type.String(),
  shop_id: Type.Optional(Type.String()),
  shop_name: Type.Optional(Type.String()),
  trigger_id: Type.Optional(Type.String({ description: 'Id of the "Okendo Review Request" trigger registered in Postscript' })),
  connected_at: Type.Optional(Type.String()),
  updated_at: Type.Optional(Type.String()),
});

const OutboxState = Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('skipped'), Type.Literal('failed')]);

const LogEntry = Type.Object({
  id: Type.String(),
  customer_id: Type.String(),
  kind: Type.Union([Type.Literal('event'), Type.Literal('trigger'), Type.Literal('profile')]),
  name: Type.String({ description: 'Event type, trigger name, or "profile"' }),
  state: OutboxState,
  external_id: Type.String(),
  attempts: Type.Integer(),
  replays: Type.Integer(),
  last_error: Nullable(Type.String()),
  skip_reason: Nullable(Type.String({ description: 'not_a_subscriber | not_connected | invalid_properties' })),
  response: Nullable(Type.Object({ status: Type.Integer(), body: Type.String() })),
  payload: Type.Unknown(),
  created_at: Type.String(),
  updated_at: Type.String(),
  delivered_at: Nullable(Type.String()),
});

const DeliveryParams = Type.Object({ store_id: Type.String(), delivery_id: Type.String() });

export function registerPostscriptRoutes(app: HttpApp, ctx: ReviewsContext): void {
  const auth = requireStoreKey(ctx);
  const base = '/api/stores/:store_id/integrations/postscript';

  app.put(
    base,
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Connect Postscript (Settings > Integrations > Email & SMS > Postscript)',
        description:
          'Checks the private key with GET {api_url}/api/v2/me, then registers the "Okendo Review Request" trigger (POST /v1/triggers). ' +
          'A public key (pk_…), a key Postscript rejects, or an unreachable API is refused with 422 naming the field.',
        params: StoreParams,
        body: Type.Object(
          {
            private_key: Type.String({ minLength: 1, description: 'The Private Key (sk_…) from Postscript > API' }),
            api_url: Type.Optional(
              Type.String({ minLength: 1, description: 'Postscript API base URL; defaults to the local SMS platform' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Integration, ...errors(401, 400, 404, 422) },
      },
    },
    async (req) => {
      try {
        const row = await savePostscriptIntegration(ctx.db, ctx.clock, {
          storeId: req.params.store_id,
          privateKey: req.body.private_key,
          apiUrl: req.body.api_url ?? ctx.smsApiUrl,
          fetch: ctx.fetch,
          secretKey: ctx.secretKey,
        });
        ctx.wake();
        return integrationView(row, ctx.smsApiUrl);
      } catch (err) {
        if (err instanceof PostscriptConnectError) throw new HttpError(422, err.reason, err.message, ['body', err.field]);
        throw err;
      }
    },
  );

  app.get(
    base,
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Postscript integration settings (key masked)',
        params: StoreParams,
        response: { 200: Integration, ...errors(401, 404) },
      },
    },
    async (req) => {
      await getStore(ctx.db, req.params.store_id);
      return integrationView(await findIntegration(ctx.db, req.params.store_id), ctx.smsApiUrl);
    },
  );

  app.delete(
    base,
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Disconnect Postscript',
        params: StoreParams,
        response: { 204: Type.Null(), ...errors(401, 404) },
      },
    },
    async (req, reply) => {
      await disconnectPostscript(ctx.db, req.params.store_id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${base}/log`,
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Delivery log: every call to Postscript and its outcome, newest first',
        params: StoreParams,
        querystring: Type.Object({ state: Type.Optional(OutboxState), limit: Type.Optional(Limit) }, { additionalProperties: false }),
        response: { 200: Type.Object({ entries: Type.Array(LogEntry) }), ...errors(401, 400, 404) },
      },
    },
    async (req) => {
      const rows = await listDeliveryLog(ctx.db, req.params.store_id, {
        ...(req.query.state ? { state: req.query.state } : {}),
        limit: req.query.limit ?? 100,
      });
      return { entries: rows.map(deliveryLogEntry) };
    },
  );

  app.post(
    `${base}/log/:delivery_id/replay`,
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Replay a failed or skipped call',
        params: DeliveryParams,
        response: { 200: LogEntry, ...errors(401, 404, 409) },
      },
    },
    async (req) => {
      const row = await replayDelivery(ctx.db, ctx.clock, req.params.store_id, req.params.delivery_id);
      ctx.wake();
      return deliveryLogEntry(row);
    },
  );
}
