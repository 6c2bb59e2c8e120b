import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { requireStoreKey, STORE_SECURITY } from './auth.js';
import {
  getSequence,
  insertSequence,
  listSequences,
  MAX_WAIT_DAYS,
  sequenceView,
  startSequence,
  stopSequence,
} from '../sequences/sequences.js';
import { getStore } from '../stores/stores.js';
import { errors, Nullable, StoreParams } from './schemas.js';

const Anchor = Type.Union([Type.Literal('fulfillment'), Type.Literal('delivery')]);

const Sequence = Type.Object({
  sequence_id: Type.String(),
  store_id: Type.String(),
  name: Type.String(),
  channel: Type.Literal('postscript'),
  wait_days: Type.Integer(),
  after: Anchor,
  status: Type.Union([Type.Literal('draft'), Type.Literal('running'), Type.Literal('stopped')]),
  started_at: Nullable(Type.String()),
  stopped_at: Nullable(Type.String()),
  created_at: Type.String(),
});

const SequenceParams = Type.Object({ store_id: Type.String(), sequence_id: Type.String() });

export function registerSequenceRoutes(app: HttpApp, ctx: ReviewsContext): void {
  const auth = requireStoreKey(ctx);
  app.post(
    '/api/stores/:store_id/sequences',
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'Create a Postscript sequence (Mail > Sequences > Postscript > Get Started)',
        description:
          'Wait N days after item fulfilment or delivery, then send "Review Request Created" and fire the "Okendo Review Request" trigger. ' +
          'With after=delivery, a request whose delivery is never reported goes out 14 days after the fulfilment-based time.',
        params: StoreParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 200 })),
            wait_days: Type.Integer({ minimum: 0, maximum: MAX_WAIT_DAYS }),
            after: Anchor,
            start: Type.Optional(Type.Boolean({ default: false, description: 'Start right away (the Start button)' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Sequence, ...errors(401, 400, 404) },
      },
    },
    async (req, reply) => {
      const row = await insertSequence(ctx.db, ctx.clock, {
        storeId: req.params.store_id,
        waitDays: req.body.wait_days,
        after: req.body.after,
        start: req.body.start ?? false,
        ...(req.body.name !== undefined ? { name: req.body.name } : {}),
      });
      return reply.code(201).send(sequenceView(row));
    },
  );

  app.get(
    '/api/stores/:store_id/sequences',
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'List sequences',
        params: StoreParams,
        response: { 200: Type.Object({ sequences: Type.Array(Sequence) }), ...errors(401, 404) },
      },
    },
    async (req) => {
      await getStore(ctx.db, req.params.store_id);
      return { sequences: (await listSequences(ctx.db, req.params.store_id)).map(sequenceView) };
    },
  );

  app.get(
    '/api/stores/:store_id/sequences/:sequence_id',
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'One sequence',
        params: SequenceParams,
        response: { 200: Sequence, ...errors(401, 404) },
      },
    },
    async (req) => sequenceView(await getSequence(ctx.db, req.params.store_id, req.params.sequence_id)),
  );

  app.post(
    '/api/stores/:store_id/sequences/:sequence_id/start',
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'Start: recruit orders fulfilled from now on',
        params: SequenceParams,
        response: { 200: Sequence, ...errors(401, 404) },
      },
    },
    async (req) => sequenceView(await startSequence(ctx.db, ctx.clock, req.params.store_id, req.params.sequence_id)),
  );

  app.post(
    '/api/stores/:store_id/sequences/:sequence_id/stop',
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'Stop: recruit no more, withdraw scheduled requests',
        params: SequenceParams,
        response: { 200: Sequence, ...errors(401, 404) },
      },
    },
    async (req) =>
      sequenceView(await ctx.db.transaction().execute((trx) => stopSequence(trx, ctx.clock, req.params.store_id, req.params.sequence_id))),
  );
}
