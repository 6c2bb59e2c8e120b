import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { CreateSequenceBody, SequenceView, UpdateSequenceBody } from '../schemas/sequences.js';
import {
  insertSequence,
  listSequences,
  requireSequence,
  sequenceView,
  startSequence,
  stopSequence,
  updateSequence,
} from '../sequences/sequences.js';
import { requireStore } from '../stores/stores.js';
import { STORE_SECURITY, type ApiAuth } from './auth.js';
import { errors, Id, StoreParams } from './schemas.js';

const SequenceParams = Type.Object({ store_id: Id(), sequence_id: Id() });

export function registerSequenceRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  app.post(
    '/api/stores/:store_id/sequences',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'Create a Postscript sequence (Mail > Sequences > Postscript > Get Started)',
        description:
          'Wait N days after item fulfilment or delivery, then send "Review Request Created" and fire the "Okendo Review Request" trigger. ' +
          'With after=delivery, a request whose delivery is never reported goes out 14 days after the fulfilment-based time.',
        params: StoreParams,
        body: CreateSequenceBody,
        response: { 201: SequenceView, ...errors(401, 400, 404) },
      },
    },
    async (req, reply) => {
      const row = await insertSequence(ctx.db, ctx.clock.now(), {
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
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'List sequences',
        params: StoreParams,
        response: { 200: Type.Object({ sequences: Type.Array(SequenceView) }), ...errors(401, 404) },
      },
    },
    async (req) => {
      await requireStore(ctx.db, req.params.store_id);
      return { sequences: (await listSequences(ctx.db, req.params.store_id)).map(sequenceView) };
    },
  );

  app.get(
    '/api/stores/:store_id/sequences/:sequence_id',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'One sequence',
        params: SequenceParams,
        response: { 200: SequenceView, ...errors(401, 404) },
      },
    },
    async (req) => sequenceView(await requireSequence(ctx.db, req.params.store_id, req.params.sequence_id)),
  );

  app.post(
    '/api/stores/:store_id/sequences/:sequence_id/start',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'Start: recruit orders fulfilled from now on',
        params: SequenceParams,
        response: { 200: SequenceView, ...errors(401, 404) },
      },
    },
    async (req) => sequenceView(await startSequence(ctx.db, ctx.clock.now(), req.params.store_id, req.params.sequence_id)),
  );

  app.post(
    '/api/stores/:store_id/sequences/:sequence_id/stop',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'Stop: recruit no more, withdraw scheduled requests',
        params: SequenceParams,
        response: { 200: SequenceView, ...errors(401, 404) },
      },
    },
    async (req) => sequenceView(await stopSequence(ctx.db, ctx.clock.now(), ctx.activity, req.params.store_id, req.params.sequence_id)),
  );

  app.patch(
    '/api/stores/:store_id/sequences/:sequence_id',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['sequences'],
        summary: 'Edit a sequence (the Wait component: days, after fulfilment or delivery); applies to orders recruited from now on',
        params: SequenceParams,
        body: UpdateSequenceBody,
        response: { 200: SequenceView, ...errors(401, 400, 404) },
      },
    },
    async (req) =>
      sequenceView(
        await updateSequence(ctx.db, ctx.clock.now(), req.params.store_id, req.params.sequence_id, {
          name: req.body.name,
          waitDays: req.body.wait_days,
          after: req.body.after,
        }),
      ),
  );
}
