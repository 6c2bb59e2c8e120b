/**
 * The connector's transactional outbox: every call the reviews platform will make to Postscript is a row
 * written in the same transaction as the activity that causes it, delivered by a durable job. If the
 * transaction rolls back, neither exists; if it commits, delivery is retried until it succeeds, is skipped
 * (not a subscriber) or fails for good (visible in the delivery log, replayable).
 *
 * Per-customer order: a customer's rows form a queue (kit's ordered outbox, `outbox/ordered.ts`): only the
 * oldest pending row has a delivery job, and settling it enqueues the next, in the same transaction.
 *
 * Events and profile patches are validated against the contract catalog here, before they are written. A
 * row that fails validation is still recorded — as `skipped` with reason `invalid_properties` and the
 * validator's messages — so the merchant sees it in the log instead of it vanishing.
 */
import { newId, orderedOutbox, toJson } from '@rapport/kit';
import {
  eventTypeFor,
  OKENDO_REVIEW_REQUEST_TRIGGER,
  SEQUENCE_WAIT_TAGS,
  validateEventProperties,
  validateProfileProperties,
} from '@rapport/contract';
import type { Kysely } from 'kysely';
import type { OutboxKind, PostscriptOutboxTable, ReviewsSchema } from '../../db/schema.js';
import { POSTSCRIPT_DELIVER } from '../../jobs.js';

/** Backoff 1 s, 2 s … capped at 1 h: 15 attempts ride out a Postscript outage of about four hours. */
export const DELIVER_MAX_ATTEMPTS = 15;

/** The customer queues of `postscript_outbox`. */
export const postscriptQueue = orderedOutbox({
  table: 'postscript_outbox',
  keyColumn: 'customer_id',
  job: () => POSTSCRIPT_DELIVER,
  maxAttempts: DELIVER_MAX_ATTEMPTS,
});
export const deliverDedupeKey = (outboxId: string, replays: number): string => postscriptQueue.dedupeKey(outboxId, replays);

export type OutboxMessage =
  | { kind: 'event'; type: string; properties: Record<string, unknown>; occurredAt: Date; externalId: string }
  | { kind: 'trigger'; trigger: string; tags: Record<string, string>; externalId: string }
  | { kind: 'profile'; properties: Record<string, unknown>; externalId: string };

export interface EventPayload {
  type: string;
  occurred_at: string;
  properties: Record<string, unknown>;
  external_id: string;
}
export interface TriggerPayload {
  trigger: string;
  tags: Record<string, string>;
}
export interface ProfilePayload {
  properties: Record<string, unknown>;
}

interface Prepared {
  kind: OutboxKind;
  name: string;
  payload: EventPayload | TriggerPayload | ProfilePayload;
  problems: string[];
}

function prepare(message: OutboxMessage): Prepared {
  switch (message.kind) {
    case 'event': {
      const def = eventTypeFor(message.type, message.properties);
      if (!def) throw new Error(`"${message.type}" is not an event type of the contract catalog`);
      const result = validateEventProperties(def, message.properties);
      return {
        kind: 'event',
        name: message.type,
        payload: {
          type: message.type,
          occurred_at: message.occurredAt.toISOString(),
          properties: message.properties,
          external_id: message.externalId,
        },
        problems: result.ok ? [] : result.errors.map((e) => e.message),
      };
    }
    case 'trigger': {
      const known = new Set([...OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((t) => t.key), ...Object.values(SEQUENCE_WAIT_TAGS)]);
      if (message.trigger !== OKENDO_REVIEW_REQUEST_TRIGGER.name) throw new Error(`unknown trigger "${message.trigger}"`);
      const unknown = Object.keys(message.tags).filter((k) => !known.has(k));
      return {
        kind: 'trigger',
        name: message.trigger,
        payload: { trigger: message.trigger, tags: message.tags },
        problems: unknown.map((k) => `"${k}" is not a tag of the "${message.trigger}" trigger`),
      };
    }
    case 'profile': {
      const result = validateProfileProperties(message.properties);
      return {
        kind: 'profile',
        name: 'profile',
        payload: { properties: message.properties },
        problems: result.ok ? [] : result.errors.map((e) => e.message),
      };
    }
    default: {
      const never: never = message;
      throw new Error(`unknown outbox message ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Writes messages for one customer, in order, inside the caller's transaction. A message whose
 * external_id was already written (the same domain fact again) is not written twice.
 * Returns the ids of the rows that were created pending (and so enqueued).
 */
export async function writeOutbox(
  db: Kysely<ReviewsSchema>,
  now: Date,
  owner: { storeId: string; customerId: string },
  messages: OutboxMessage[],
): Promise<string[]> {
  const at = now.toISOString();
  const pending: string[] = [];
  let seq = 0;
  for (const message of messages) {
    const prepared = prepare(message);
    const invalid = prepared.problems.length > 0;
    const row: PostscriptOutboxTable = {
      id: newId('out'),
      store_id: owner.storeId,
      customer_id: owner.customerId,
      kind: prepared.kind,
      name: prepared.name,
      payload: toJson(prepared.payload),
      external_id: message.externalId,
      seq: seq++,
      state: invalid ? 'skipped' : 'pending',
      attempts: 0,
      last_error: invalid ? prepared.problems.join('; ') : null,
      skip_reason: invalid ? 'invalid_properties' : null,
      response: null,
      replays: 0,
      created_at: at,
      updated_at: at,
      delivered_at: null,
    };
    const inserted = await db
      .insertInto('postscript_outbox')
      .values(row)
      .onConflict((oc) => oc.column('external_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0 || invalid) continue;
    pending.push(row.id);
  }
  if (pending.length > 0) await postscriptQueue.enqueueHead(db, now, owner.customerId);
  return pending;
}
