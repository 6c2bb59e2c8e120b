import type { CustomEventBody } from '@rapport/contract';
import { badRequest, enqueue, toJson } from '@rapport/kit';
import { sortableId } from '../ids.js';
import type { Kysely } from 'kysely';
import type { SmsContext } from '../context.js';
import type { SmsSchema } from '../db/schema.js';
import { replayIdempotent, requestHash, retryOnUniqueViolation, saveIdempotent, type StoredResponse } from '../idempotency/store.js';
import { normalizePhone } from '../phone/normalize.js';
import { findConfirmedByEmail, findSubscriber, findSubscriberByPhone } from '../subscribers/find.js';
import { recordEventDefinition } from './definitions.js';
import { parseOccurredAt } from './occurred-at.js';

export const PROCESS_EVENT_JOB = 'events.process';
const MAX_PROPERTIES = 100;

export interface IngestResponse {
  event_ids: string[];
}

/**
 * POST /api/v2/events. The event row, its definition and its `events.process` job commit before the 202,
 * so an accepted event survives a crash. Replays are recognised by `external_id` (unique per shop) and by
 * `Idempotency-Key`; either returns the original id and writes nothing new. An event for nobody we know is
 * still stored (subscriber_id null) and still defines its type.
 */
export async function ingestEvent(
  ctx: SmsContext,
  shopId: string,
  body: CustomEventBody,
  idempotencyKey: string | undefined,
): Promise<StoredResponse<IngestResponse>> {
  const properties = body.properties ?? {};
  const keys = Object.keys(properties);
  if (keys.length > MAX_PROPERTIES) throw badRequest(`properties may hold at most ${MAX_PROPERTIES} keys`, ['body', 'properties']);
  for (const k of keys)
    if (k.trim() === '' || k.length > 255) throw badRequest('property names must be 1–255 characters', ['body', 'properties', k]);
  const phone = body.phone !== undefined ? normalizePhone(body.phone) : null;
  if (body.phone !== undefined && !phone) throw badRequest(`phone "${body.phone}" is not a phone number`, ['body', 'phone']);
  const email = body.email?.trim().toLowerCase() || null;
  const externalId = body.external_id?.trim() || null;
  const hash = requestHash(body);
  const scope = 'events';

  const result = await retryOnUniqueViolation(() =>
    ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      if (idempotencyKey) {
        const replay = await replayIdempotent<IngestResponse>(trx, { shopId, scope, key: idempotencyKey, hash });
        if (replay) return { response: replay, created: false };
      }
      let response: StoredResponse<IngestResponse>;
      let created = false;
      const existing = externalId
        ? await trx.selectFrom('events').select('id').where('shop_id', '=', shopId).where('external_id', '=', externalId).executeTakeFirst()
        : undefined;
      if (existing) {
        response = { statusCode: 202, body: { event_ids: [existing.id] } };
      } else {
        const subscriberId = await resolveSubscriber(trx, shopId, { subscriberId: body.subscriber_id, phone, email });
        const id = sortableId('ev', now);
        await trx
          .insertInto('events')
          .values({
            id,
            shop_id: shopId,
            type: body.type,
            subscriber_id: subscriberId,
            phone,
            email,
            properties: toJson(properties),
            occurred_at: parseOccurredAt(body.occurred_at, now),
            external_id: externalId,
            processed_at: null,
            created_at: now.toISOString(),
          })
          .execute();
        await recordEventDefinition(trx, now, shopId, body.type, keys);
        await queueProcessing(trx, now, id);
        response = { statusCode: 202, body: { event_ids: [id] } };
        created = true;
      }
      if (idempotencyKey) await saveIdempotent(trx, now, { shopId, scope, key: idempotencyKey, hash, response });
      return { response, created };
    }),
  );
  if (result.created) ctx.wake();
  return result.response;
}

/** The `events.process` job, committed with the event. */
async function queueProcessing(trx: Kysely<SmsSchema>, now: Date, eventId: string): Promise<void> {
  await enqueue(trx, now, { kind: PROCESS_EVENT_JOB, payload: { eventId }, dedupeKey: `event:${eventId}` });
}

/** Identity resolution, Postscript's order: subscriber_id, then phone (unique per shop), then email (most recent confirmed). */
async function resolveSubscriber(
  trx: Kysely<SmsSchema>,
  shopId: string,
  ids: { subscriberId: string | undefined; phone: string | null; email: string | null },
): Promise<string | null> {
  if (ids.subscriberId) {
    const s = await findSubscriber(trx, shopId, ids.subscriberId);
    if (s) return s.id;
  }
  if (ids.phone) {
    const s = await findSubscriberByPhone(trx, shopId, ids.phone);
    if (s) return s.id;
  }
  if (ids.email) {
    const s = await findConfirmedByEmail(trx, shopId, ids.email);
    if (s) return s.id;
  }
  return null;
}
