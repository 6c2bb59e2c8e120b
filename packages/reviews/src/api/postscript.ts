import { Unprocessable, type HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { backfillView, startBackfill } from '../integrations/postscript/backfill.js';
import { deliveryHealth, deliveryLogEntry, listDeliveryLog, replayDelivery } from '../integrations/postscript/delivery-log.js';
import { disconnectPostscript, findIntegration, integrationView, savePostscriptIntegration } from '../integrations/postscript/settings.js';
import {
  BackfillView,
  ConnectPostscriptBody,
  DeliveryHealth,
  DeliveryLogEntry,
  DeliveryState,
  IntegrationView,
} from '../schemas/postscript.js';
import { SmsDelaysView } from '../schemas/sequences.js';
import { requireStore } from '../stores/stores.js';
import { smsSideDelays } from '../integrations/postscript/sms-delays.js';
import { STORE_SECURITY, type ApiAuth } from './auth.js';
import { errors, Id, Limit, StoreParams } from './schemas.js';

const DeliveryParams = Type.Object({ store_id: Id(), delivery_id: Id() });

export function registerPostscriptRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  const base = '/api/stores/:store_id/integrations/postscript';

  app.put(
    base,
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Connect Postscript (Settings > Integrations > Email & SMS > Postscript)',
        description:
          'Checks the private key with GET {api_url}/api/v2/me, then registers the "Okendo Review Request" trigger (POST /v1/triggers). ' +
          'A public key (pk_…), a key Postscript rejects, or an unreachable API is refused with 422 naming the field.',
        params: StoreParams,
        body: ConnectPostscriptBody,
        response: { 200: IntegrationView, ...errors(401, 400, 404, 422) },
      },
    },
    async (req) => {
      const row = await savePostscriptIntegration(ctx.db, ctx.clock.now(), {
        storeId: req.params.store_id,
        privateKey: req.body.private_key,
        apiUrl: req.body.api_url ?? ctx.smsApiUrl,
        fetch: ctx.fetch,
        secretKey: ctx.secretKey,
        eventNames: req.body.event_names,
      });
      ctx.wake();
      return integrationView(row, ctx.smsApiUrl);
    },
  );

  app.get(
    base,
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Postscript integration settings (key masked)',
        params: StoreParams,
        response: { 200: IntegrationView, ...errors(401, 404) },
      },
    },
    async (req) => {
      await requireStore(ctx.db, req.params.store_id);
      return integrationView(await findIntegration(ctx.db, req.params.store_id), ctx.smsApiUrl);
    },
  );

  app.delete(
    base,
    {
      onRequest: auth.store.onRequest,
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
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Delivery log: every call to Postscript and its outcome, newest first',
        params: StoreParams,
        querystring: Type.Object({ state: Type.Optional(DeliveryState), limit: Type.Optional(Limit) }, { additionalProperties: false }),
        response: { 200: Type.Object({ entries: Type.Array(DeliveryLogEntry) }), ...errors(401, 400, 404) },
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

  app.get(
    `${base}/backfill`,
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Progress of the profile backfill (every existing customer’s Okendo properties, sent once Postscript is connected)',
        params: StoreParams,
        response: { 200: BackfillView, ...errors(401, 404) },
      },
    },
    async (req) => backfillView(ctx.db, req.params.store_id),
  );

  app.post(
    `${base}/backfill`,
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Start the profile backfill again (or resume the one running)',
        description: 'Connecting starts one; only properties Postscript does not have yet are sent. 422 when Postscript is not connected.',
        params: StoreParams,
        response: { 200: BackfillView, ...errors(401, 404, 422) },
      },
    },
    async (req) => {
      const storeId = req.params.store_id;
      await requireStore(ctx.db, storeId);
      if (!(await findIntegration(ctx.db, storeId)))
        throw new Unprocessable('connect Postscript first: the backfill sends properties to it', ['path', 'store_id'], 'not_connected');
      await ctx.db.transaction().execute((trx) => startBackfill(trx, ctx.clock.now(), storeId));
      ctx.wake();
      return backfillView(ctx.db, storeId);
    },
  );

  app.get(
    `${base}/health`,
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Sync health: calls delivered, failed, pending, skipped (and how many because the customer is not a subscriber)',
        params: StoreParams,
        response: { 200: DeliveryHealth, ...errors(401, 404) },
      },
    },
    async (req) => deliveryHealth(ctx.db, req.params.store_id),
  );

  app.get(
    `${base}/sms-delays`,
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'The SMS side’s delays on the Okendo Review Request trigger (the double-wait caution)',
        description:
          'Asks the connected SMS platform for its legacy automations on "Okendo Review Request" and the delay before each one’s first ' +
          'message. Only Rapport’s SMS platform has that API: for real Postscript (or when not connected) `readable` is false with the reason.',
        params: StoreParams,
        response: { 200: SmsDelaysView, ...errors(401, 404) },
      },
    },
    async (req) => smsSideDelays(ctx, ctx.clock.now(), req.params.store_id),
  );

  app.post(
    `${base}/log/:delivery_id/replay`,
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['postscript'],
        summary: 'Replay a failed or skipped call',
        params: DeliveryParams,
        response: { 200: DeliveryLogEntry, ...errors(401, 404, 409) },
      },
    },
    async (req) => {
      const row = await replayDelivery(ctx.db, ctx.clock.now(), req.params.store_id, req.params.delivery_id);
      ctx.wake();
      return deliveryLogEntry(row);
    },
  );
}
