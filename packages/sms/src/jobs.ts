import { defineBatchJob } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from './context.js';
import { runFlowMoves } from './flows/runs.js';
import { runSendBatch } from './messages/send-job.js';

/**
 * Every durable job kind of the SMS platform, with its payload schema and handler. Enqueue through these
 * definitions (`SEND_TEXT.enqueue(trx, now, { outboxId })`), never by name. Handlers are wrapped in arrows
 * so this module can be imported from the modules it lists.
 */

/** Sends outbox rows, every claimed one at once: exactly one text per row (messages/send-job.ts). */
export const SEND_TEXT = defineBatchJob('sms.send', Type.Object({ outboxId: Type.String() }), (ctx: SmsContext, items) =>
  runSendBatch(ctx, items),
);

/**
 * Moves flow runs whose delay or wait ran out, every claimed one in one transaction (flows/runs.ts): 100,000
 * runs coming due at once are released in batches, not one transaction each.
 */
export const FLOW_MOVE = defineBatchJob(
  'sms.flow.move',
  Type.Object({ runId: Type.String(), seq: Type.Integer() }),
  async (ctx: SmsContext, items) => {
    const { dueNow } = await runFlowMoves(
      ctx.db,
      ctx.database.dialect,
      ctx.clock.now(),
      items.map((i) => i.payload),
    );
    if (dueNow) ctx.wake();
    return items.map(() => ({ ok: true as const }));
  },
);

export const SMS_JOBS = [SEND_TEXT, FLOW_MOVE];
