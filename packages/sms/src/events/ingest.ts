import { seedEventName, type CustomEventBody } from '@rapport/contract';
import { Invalid, retryTransaction, toJson, trimToNull, sortableId } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsContext } from '../context.js';
import type { SmsSchema } from '../db/schema.js';
import { IdempotencyMismatchError } from '../errors.js';
import { replayIdempotent, requestHash, saveIdempotent, type StoredResponse } from '../idempotency/store.js';
import { normalizePhone } from '../phone/normalize.js';
import { findConfirmedByEmail, findSubscriber, findSubscriberByPhone } from '../subscribers/find.js';
import { PROCESS_EVENT } from '../jobs.js';
import { IngestBatcher, type IngestBatcherOptions, type Settled } from './batcher.js';
import { EventDefinitionTally } from './definitions.js';
import { parseOccurredAt } from './occurred-at.js';

const MAX_PROPERTIES = 100;
/**
 * Batches in flight at once on PostgreSQL: the pool's 10 connections less two, which authentication, the
 * worker and the API's reads still need (bench: 4 lanes 889 events/s, 8 lanes 984). SQLite has one
 * writer: one batch.
 */
export const POSTGRES_INGEST_CONCURRENCY = 8;

export interface IngestResponse {
  event_ids: string[];
}

/** One validated POST /api/v2/events, ready to run inside a transaction. */
export interface IngestRequest {
  shopId: string;
  body: CustomEventBody;
  idempotencyKey: string | undefined;
  /** The seed's name of the type (a Postscript-safe "review_created" is stored as "Review Created"). */
  type: string;
  keys: string[];
  phone: string | null;
  email: string | null;
  externalId: string | null;
  hash: string;
}

export interface EventIngestOptions extends IngestBatcherOptions {
  /**
   * Test seam: runs inside the transaction right after a request's event row is inserted (and before its
   * definition and job). A throw fails that request with its insert rolled back; in a batch it rolls the
   * batch back, and the batch's requests are retried one transaction each.
   */
  afterEventInsert?: (request: IngestRequest) => void | Promise<void>;
}

type ItemResult = { response: StoredResponse<IngestResponse>; created: boolean } | { refused: IdempotencyMismatchError };

/**
 * POST /api/v2/events. The event row, its definition and its `events.process` job commit before the 202,
 * so an accepted event survives a crash. Replays are recognised by `external_id` (unique per shop) and by
 * `Idempotency-Key`; either returns the original id and writes nothing new. An event for nobody we know is
 * still stored (subscriber_id null) and still defines its type.
 *
 * Requests are group-committed (see IngestBatcher): one instance per process and database, so every
 * request of this process shares its batches. Within a batch each request still runs the same steps in
 * arrival order and reads the batch's earlier writes, so a duplicate external_id or Idempotency-Key in
 * the same batch is a replay exactly as it would be one transaction later.
 */
export class EventIngest {
  readonly #ctx: SmsContext;
  readonly #batcher: IngestBatcher<IngestRequest, StoredResponse<IngestResponse>>;
  readonly #afterEventInsert: ((request: IngestRequest) => void | Promise<void>) | undefined;

  constructor(ctx: SmsContext, options: EventIngestOptions = {}) {
    this.#ctx = ctx;
    this.#afterEventInsert = options.afterEventInsert;
    this.#batcher = new IngestBatcher(
      { runOne: (r) => this.#runOne(r), runBatch: (rs) => this.#runBatch(rs) },
      {
        ...options,
        concurrency: options.concurrency ?? (ctx.database.dialect === 'postgres' ? POSTGRES_INGEST_CONCURRENCY : 1),
        onBatchError: (err, size) => {
          ctx.log.warn({ err, size }, 'event batch failed as a whole; retrying its events one by one');
          options.onBatchError?.(err, size);
        },
      },
    );
  }

  /** Validates (a 400 is thrown before queueing), then resolves once the event is committed. */
  async ingest(shopId: string, body: CustomEventBody, idempotencyKey: string | undefined): Promise<StoredResponse<IngestResponse>> {
    return this.#batcher.submit(prepareIngest(shopId, body, idempotencyKey));
  }

  /**
   * One request, one transaction; a lost unique-index race runs again and finds the winner's rows. On
   * PostgreSQL a concurrent batch holding this request's external_id while waiting for a key this request
   * holds is a deadlock; PostgreSQL aborts one side, and if it is this one it runs again too.
   */
  async #runOne(request: IngestRequest): Promise<StoredResponse<IngestResponse>> {
    const result = await retryTransaction(() =>
      this.#ctx.db.transaction().execute(async (trx) => {
        const now = this.#ctx.clock.now();
        const definitions = new EventDefinitionTally();
        const r = await this.#ingestOne(trx, now, request, definitions);
        if ('refused' in r) throw r.refused;
        await definitions.write(trx, now);
        return r;
      }),
    );
    if (result.created) this.#ctx.wake();
    return result.response;
  }

  /** Many requests, one transaction: rejects (and rolls back) if any request throws. */
  async #runBatch(requests: readonly IngestRequest[]): Promise<Settled<StoredResponse<IngestResponse>>[]> {
    const results = await this.#ctx.db.transaction().execute(async (trx) => {
      const now = this.#ctx.clock.now();
      const definitions = new EventDefinitionTally();
      const out: ItemResult[] = [];
      for (const request of requests) out.push(await this.#ingestOne(trx, now, request, definitions));
      await definitions.write(trx, now);
      return out;
    });
    if (results.some((r) => 'created' in r && r.created)) this.#ctx.wake();
    return results.map((r) => ('refused' in r ? { ok: false, error: r.refused } : { ok: true, value: r.response }));
  }

  /** One request's steps inside the caller's transaction; its definition is tallied for the caller to write. */
  async #ingestOne(trx: Kysely<SmsSchema>, now: Date, request: IngestRequest, definitions: EventDefinitionTally): Promise<ItemResult> {
    const { shopId, body, idempotencyKey, hash, externalId, phone, email, keys, type } = request;
    if (idempotencyKey) {
      let replay: StoredResponse<IngestResponse> | null;
      try {
        replay = await replayIdempotent<IngestResponse>(trx, { shopId, scope: SCOPE, key: idempotencyKey, hash });
      } catch (err) {
        // The key's first use had another body (422). Decided by a read before this request wrote anything,
        // so in a batch it fails this request alone and the others still commit.
        if (err instanceof IdempotencyMismatchError) return { refused: err };
        throw err;
      }
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
          type,
          subscriber_id: subscriberId,
          phone,
          email,
          properties: toJson(body.properties ?? {}),
          occurred_at: parseOccurredAt(body.occurred_at, now),
          external_id: externalId,
          processed_at: null,
          created_at: now.toISOString(),
        })
        .execute();
      await this.#afterEventInsert?.(request);
      definitions.add(shopId, type, keys);
      await queueProcessing(trx, now, id);
      response = { statusCode: 202, body: { event_ids: [id] } };
      created = true;
    }
    if (idempotencyKey) await saveIdempotent(trx, now, { shopId, scope: SCOPE, key: idempotencyKey, hash, response });
    return { response, created };
  }
}

const SCOPE = 'events';

/** Validation and normalisation, before any database work (pure). */
export function prepareIngest(shopId: string, body: CustomEventBody, idempotencyKey: string | undefined): IngestRequest {
  const keys = Object.keys(body.properties ?? {});
  if (keys.length > MAX_PROPERTIES) throw new Invalid(`properties may hold at most ${MAX_PROPERTIES} keys`, ['body', 'properties']);
  for (const k of keys)
    if (k.trim() === '' || k.length > 255) throw new Invalid('property names must be 1–255 characters', ['body', 'properties', k]);
  const phone = body.phone !== undefined ? normalizePhone(body.phone) : null;
  if (body.phone !== undefined && !phone) throw new Invalid(`phone "${body.phone}" is not a phone number`, ['body', 'phone']);
  return {
    shopId,
    body,
    idempotencyKey,
    type: seedEventName(body.type),
    keys,
    phone,
    email: body.email?.trim().toLowerCase() || null,
    externalId: trimToNull(body.external_id),
    hash: requestHash(body),
  };
}

/** The `events.process` job, committed with the event. */
async function queueProcessing(trx: Kysely<SmsSchema>, now: Date, eventId: string): Promise<void> {
  await PROCESS_EVENT.enqueue(trx, now, { eventId }, { dedupeKey: `event:${eventId}` });
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
