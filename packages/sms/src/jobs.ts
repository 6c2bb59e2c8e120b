import { defineJob } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from './context.js';
import { processEvents } from './events/process-job.js';
import { runSendJob } from './messages/send-job.js';

/**
 * Every durable job kind of the SMS platform, with its payload schema and handler. Enqueue through these
 * definitions (`SEND_TEXT.enqueue(trx, now, { outboxId })`), never by name. Handlers are wrapped in arrows
 * so this module can be imported from the modules it lists.
 */

/** Sends one outbox row: exactly one text per row (messages/send-job.ts). */
export const SEND_TEXT = defineJob('sms.send', Type.Object({ outboxId: Type.String() }), (ctx: SmsContext, p, job) =>
  runSendJob(ctx, p, job),
);

/**
 * Processes a shop's stored events in order, in batches, after their commit (events/process-job.ts): one
 * coalesced job per shop, enqueued by every ingest batch that stored an event of a known subscriber.
 */
export const PROCESS_EVENTS = defineJob('events.process', Type.Object({ shopId: Type.String() }), (ctx: SmsContext, p) =>
  processEvents(ctx, p),
);

export const SMS_JOBS = [SEND_TEXT, PROCESS_EVENTS];
