import { defineBatchJob } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from './context.js';
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

export const SMS_JOBS = [SEND_TEXT];
