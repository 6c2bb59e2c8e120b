import { seedEventName, type CustomEventBody } from '@rapport/contract';
import { Invalid, insertRows, retryTransaction, trimToNull } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsContext } from '../context.js';
import type { EventsTable, IdempotencyKeysTable, SmsSchema } from '../db/schema.js';
import type { IdempotencyMismatchError } from '../errors.js';
import { requestHash, type StoredResponse } from '../idempotency/store.js';
import { startEventAutomations } from '../automations/start.js';
import { normalizePhone } from '../phone/normalize.js';
import { IngestBatcher, type IngestBatcherOptions, type Settled } from './batcher.js';
import { KnownDefinitionKeys, type StoredKeys } from './definitions.js';
import { lookUpBatch } from './ingest-lookups.js';
import { planIngest } from './ingest-plan.js';

const MAX_PROPERTIES = 100;
/**
 * Batches in flight at once on PostgreSQL (SQLite has one writer: one batch). Fewer, larger batches cost
 * less per event (a batch is six statements whatever its size), more lanes hide round trips. Bench of
 * 2026-12-02 on 2 cores shared with PostgreSQL, Rapport events/s (ratio to the floor): 2 lanes 5,272
 * (1.21×), 4 lanes 4,787 and 5,056 (1.02×, 1.29×), 8 lanes 4,020 (0.91×). Four leaves room for a database
 * on its own machine, where round trips rather than CPU are the limit, and stays well inside the pool of 10.
 */
export const POSTGRES_INGEST_CONCURRENCY = 4;

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

export type ItemResult = { response: StoredResponse<IngestResponse>; created: boolean } | { refused: IdempotencyMismatchError };

/**
 * POST /api/v2/events. The event row and its definition commit before the 202, so an accepted event
 * survives a crash. An event of a known subscriber starts its automations (`automations/start`, the same
 * entry point as a trigger fire) in the same transaction: trigger matching is durable with the event, and
 * only real work — a run, a text, a flow step — is enqueued; an event that starts nothing costs no job. Replays are recognised by `external_id` (unique per shop) and
 * by `Idempotency-Key`; either returns the original id and writes nothing new. An event for nobody we know
 * is still stored (subscriber_id null, nothing to process) and still defines its type.
 *
 * Requests are group-committed (see IngestBatcher): one instance per process and database, so every
 * request of this process shares its batches. A batch costs a handful of statements whatever its size —
 * one look-up per kind of key (idempotency keys, external ids, subscriber ids, phones, emails), one
 * multi-row insert, one write per event definition (a count, when its property keys are known) — and the decisions between them
 * are made in arrival order by `planIngest` (pure), so a duplicate external_id or Idempotency-Key in the
 * same batch is a replay exactly as it would be one transaction later.
 */
export class EventIngest {
  readonly #ctx: SmsContext;
  readonly #batcher: IngestBatcher<IngestRequest, StoredResponse<IngestResponse>>;
  readonly #afterEventInsert: ((request: IngestRequest) => void | Promise<void>) | undefined;
  readonly #definitionKeys: KnownDefinitionKeys;

  constructor(ctx: SmsContext, options: EventIngestOptions = {}) {
    this.#ctx = ctx;
    this.#definitionKeys = new KnownDefinitionKeys();
    this.#afterEventInsert = options.afterEventInsert;
    this.#batcher = new IngestBatcher(
      { runOne: (r, lane) => this.#runOne(r, lane), runBatch: (rs, lane) => this.#runBatch(rs, lane) },
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
   * Many events in one request (POST /api/v2/events/batch, our extension): each is validated first — a bad
   * one refuses the whole request, naming `body.events.<i>.<field>` — then all are submitted together, so
   * they share a group commit. Ids come back in order.
   */
  async ingestMany(shopId: string, bodies: readonly CustomEventBody[]): Promise<IngestResponse> {
    const requests = bodies.map((body, i) => {
      try {
        return prepareIngest(shopId, body, undefined);
      } catch (err) {
        if (err instanceof Invalid) throw new Invalid(err.message, ['body', 'events', i, ...err.loc.slice(1)], err.code);
        throw err;
      }
    });
    const responses = await Promise.all(requests.map((r) => this.#batcher.submit(r)));
    return { event_ids: responses.flatMap((r) => r.body.event_ids) };
  }

  /**
   * One request, one transaction; a lost unique-index race (or a PostgreSQL deadlock between two batches)
   * runs again and finds the winner's rows.
   */
  async #runOne(request: IngestRequest, lane: number): Promise<StoredResponse<IngestResponse>> {
    const applied = await retryTransaction(() => this.#ctx.db.transaction().execute((trx) => this.#apply(trx, [request], lane)));
    this.#definitionKeys.remember(applied.storedKeys);
    if (applied.dueNow) this.#ctx.wake();
    const [result] = applied.results;
    if (!result) throw new Error('ingest produced no result');
    if ('refused' in result) throw result.refused;
    return result.response;
  }

  /** Many requests, one transaction: rejects (and rolls back) if anything throws. */
  async #runBatch(requests: readonly IngestRequest[], lane: number): Promise<Settled<StoredResponse<IngestResponse>>[]> {
    const { results, dueNow, storedKeys } = await this.#ctx.db.transaction().execute((trx) => this.#apply(trx, requests, lane));
    this.#definitionKeys.remember(storedKeys);
    if (dueNow) this.#ctx.wake();
    return results.map((r) => ('refused' in r ? { ok: false, error: r.refused } : { ok: true, value: r.response }));
  }

  /** The batch's look-ups, decisions and writes, inside the caller's transaction. */
  async #apply(
    trx: Kysely<SmsSchema>,
    requests: readonly IngestRequest[],
    lane: number,
  ): Promise<{ results: ItemResult[]; dueNow: boolean; storedKeys: StoredKeys[] }> {
    const now = this.#ctx.clock.now();
    const known = await lookUpBatch(trx, this.#ctx.database.dialect, requests);
    const plan = planIngest(requests, known, now);
    await insertRows(trx, this.#ctx.database.dialect, 'events', EVENT_COLUMNS, plan.events);
    if (this.#afterEventInsert) for (const request of plan.inserted) await this.#afterEventInsert(request);
    if (plan.idempotency.length > 0)
      await insertRows(trx, this.#ctx.database.dialect, 'idempotency_keys', IDEMPOTENCY_COLUMNS, plan.idempotency);
    const storedKeys = await plan.definitions.write(trx, this.#ctx.database.dialect, now, lane, this.#definitionKeys);
    const { dueNow } =
      plan.toStart.length > 0 ? await startEventAutomations(trx, this.#ctx.database.dialect, now, plan.toStart) : { dueNow: false };
    return { results: plan.results, dueNow, storedKeys };
  }
}

const EVENT_COLUMNS = [
  'id',
  'shop_id',
  'type',
  'subscriber_id',
  'phone',
  'email',
  'properties',
  'occurred_at',
  'external_id',
  'created_at',
] as const satisfies readonly (keyof EventsTable)[];
const IDEMPOTENCY_COLUMNS = [
  'shop_id',
  'scope',
  'key',
  'request_hash',
  'status_code',
  'response_body',
  'created_at',
] as const satisfies readonly (keyof IdempotencyKeysTable)[];

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
    // Only an Idempotency-Key needs the body's fingerprint (a reused key must carry the same body).
    hash: idempotencyKey ? requestHash(body) : '',
  };
}
