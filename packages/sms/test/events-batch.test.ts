import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { isUniqueViolation, silentLogger } from '@rapport/kit';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { DEV_SENDER_NUMBER, type SmsContext } from '../src/context.js';
import { IdempotencyMismatchError } from '../src/errors.js';
import { EventIngest, type EventIngestOptions, type IngestRequest } from '../src/events/ingest.js';
import { createDevCarrier } from '../src/providers/dev-carrier.js';
import { nextPhone, startHarness, type Harness, type Shop } from './harness.js';

// Group commit of POST /api/v2/events (src/events/batcher.ts): many requests, one transaction, and still
// every guarantee of one request per transaction.

let h: Harness;
let shop: Shop;
before(async () => {
  h = await startHarness();
  shop = await h.newShop('Batch Shop');
});
after(() => h.close());

/**
 * An EventIngest of its own on the harness database, with the test seams and a wake counter. One lane
 * unless the test asks for more, so batch sizes are the same on both dialects.
 */
function ingestWith(options: EventIngestOptions = {}) {
  const sizes: number[] = [];
  let wakes = 0;
  const ctx: SmsContext = {
    database: h.database,
    db: h.database.db,
    clock: h.clock,
    log: silentLogger,
    config: h.config,
    provider: createDevCarrier(h.database, h.clock, DEV_SENDER_NUMBER),
    senderNumber: DEV_SENDER_NUMBER,
    wake: () => wakes++,
  };
  const ingest = new EventIngest(ctx, { concurrency: 1, ...options, onFlush: (n) => sizes.push(n) });
  return { ingest, sizes, wakes: () => wakes };
}

const eventsWith = (externalIds: string[]) =>
  h.database.db
    .selectFrom('events')
    .select(['id', 'external_id'])
    .where('shop_id', '=', shop.shopId)
    .where('external_id', 'in', externalIds)
    .execute();

/** Jobs waiting to run, after running what earlier steps (opt-in texts) queued: an event that starts nothing adds none. */
async function pendingJobsAfterDue(): Promise<string[]> {
  return (await h.database.db.selectFrom('jobs').select('kind').where('state', '=', 'pending').execute()).map((j) => j.kind);
}

/** A definition row with its count summed over the lanes' shards. */
async function definition(name: string) {
  const row = await h.database.db
    .selectFrom('event_definitions')
    .selectAll()
    .where('shop_id', '=', shop.shopId)
    .where('name', '=', name)
    .executeTakeFirst();
  const shards = await h.database.db
    .selectFrom('event_definition_counts')
    .select('event_count')
    .where('shop_id', '=', shop.shopId)
    .where('name', '=', name)
    .execute();
  return row && { ...row, event_count: shards.reduce((n, s) => n + s.event_count, 0) };
}

describe('event ingest, group-committed', () => {
  test('200 concurrent posts: all 202 with distinct ids, every row committed, the definition counted 200 times', async () => {
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    await h.runDue();
    const externalIds = Array.from({ length: 200 }, (_, i) => `many-${i}`);
    const rs = await Promise.all(
      externalIds.map((external_id, i) =>
        h.request('POST', '/api/v2/events', {
          shop,
          body: { type: 'Batch Many', phone, external_id, properties: { n: i, [`k${i % 3}`]: true } },
        }),
      ),
    );
    assert.deepEqual(new Set(rs.map((r) => r.status)), new Set([202]));
    const ids = rs.map((r) => r.body.event_ids[0] as string);
    assert.equal(new Set(ids).size, 200);
    const rows = await eventsWith(externalIds);
    assert.equal(rows.length, 200);
    const byExternal = new Map(rows.map((r) => [r.external_id, r.id]));
    externalIds.forEach((x, i) => assert.equal(byExternal.get(x), ids[i], `${x} answered with its own id`));
    const subs = await h.database.db.selectFrom('events').select('subscriber_id').where('id', 'in', ids).execute();
    assert.ok(
      subs.every((r) => r.subscriber_id === sub.id),
      'identity resolved for each',
    );
    // Automations were matched in each batch's transaction; none is built on this event: nothing queued.
    assert.deepEqual(await pendingJobsAfterDue(), []);
    const def = await definition('Batch Many');
    assert.equal(def?.event_count, 200);
    assert.deepEqual(JSON.parse(def.property_keys).sort(), ['k0', 'k1', 'k2', 'n']);
  });

  test('concurrent duplicates of one external_id over HTTP: one row, the same id for all', async () => {
    const body = { type: 'Batch Dup', external_id: 'dup-http' };
    const rs = await Promise.all(Array.from({ length: 20 }, () => h.request('POST', '/api/v2/events', { shop, body })));
    assert.deepEqual(new Set(rs.map((r) => r.status)), new Set([202]));
    assert.equal(new Set(rs.map((r) => r.body.event_ids[0])).size, 1);
    assert.equal((await eventsWith(['dup-http'])).length, 1);
    assert.equal((await definition('Batch Dup'))?.event_count, 1);
  });

  test('duplicates of one external_id inside ONE batch: one row, the same id returned to each', async () => {
    const phone = nextPhone();
    await h.subscribe(shop, phone);
    const { ingest, sizes, wakes } = ingestWith();
    const first = ingest.ingest(shop.shopId, { type: 'Batch Same', phone, external_id: 'same-0' }, undefined);
    const dups = Array.from({ length: 5 }, () =>
      ingest.ingest(shop.shopId, { type: 'Batch Same', phone, external_id: 'same-1' }, undefined),
    );
    await first;
    const responses = await Promise.all(dups);
    assert.deepEqual(sizes, [1, 5], 'the five duplicates shared one transaction');
    assert.equal(new Set(responses.map((r) => r.body.event_ids[0])).size, 1);
    const rows = await eventsWith(['same-1']);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.id, responses[0]?.body.event_ids[0]);
    assert.equal((await definition('Batch Same'))?.event_count, 2);
    assert.equal(wakes(), 0, 'nothing started, nothing due: the worker is not woken');
  });

  test('an Idempotency-Key inside one batch: a replay gets the same response, another body gets 422 alone', async () => {
    const { ingest, sizes } = ingestWith();
    const submit = (body: { type: string; properties?: Record<string, number> }, key: string | undefined) =>
      ingest.ingest(shop.shopId, body, key);
    const primer = submit({ type: 'Batch Key' }, undefined);
    const results = await Promise.allSettled([
      submit({ type: 'Batch Key', properties: { a: 1 } }, 'batch-key'),
      submit({ type: 'Batch Key', properties: { a: 1 } }, 'batch-key'),
      submit({ type: 'Batch Key', properties: { a: 2 } }, 'batch-key'),
      submit({ type: 'Batch Key', properties: { b: 1 } }, undefined),
    ]);
    await primer;
    assert.deepEqual(sizes, [1, 4]);
    const [a, b, c, d] = results;
    assert.ok(a?.status === 'fulfilled' && b?.status === 'fulfilled' && d?.status === 'fulfilled');
    assert.deepEqual(b.value, a.value, 'the replay inside the batch answers with the original response');
    assert.ok(c?.status === 'rejected' && c.reason instanceof IdempotencyMismatchError, 'the other body is refused');
    assert.notEqual(d.value.body.event_ids[0], a.value.body.event_ids[0]);
    const def = await definition('Batch Key');
    assert.equal(def?.event_count, 3, 'primer, the keyed event once, the unkeyed one');
  });

  test('an item that throws inside a batch does not fail the others: the batch is retried item by item', async () => {
    await h.runDue();
    const attempts: string[] = [];
    const { ingest, sizes, wakes } = ingestWith({
      afterEventInsert(request: IngestRequest) {
        attempts.push(request.externalId ?? '');
        if (request.externalId === 'boom') throw new Error('injected failure');
      },
    });
    const submit = (external_id: string) =>
      ingest.ingest(shop.shopId, { type: 'Batch Boom', external_id, properties: { [external_id]: 1 } }, undefined);
    const primer = submit('boom-primer');
    const results = await Promise.allSettled([submit('ok-1'), submit('boom'), submit('ok-2')]);
    await primer;
    assert.deepEqual(sizes, [1, 3]);
    assert.deepEqual(
      attempts,
      ['boom-primer', 'ok-1', 'boom', 'ok-1', 'boom', 'ok-2'],
      'the batch reached "boom" after inserting ok-1, rolled back, then each item ran on its own',
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal(((results[1] as PromiseRejectedResult).reason as Error).message, 'injected failure');
    const rows = await eventsWith(['ok-1', 'boom', 'ok-2']);
    assert.deepEqual(rows.map((r) => r.external_id).sort(), ['ok-1', 'ok-2'], "the failed item's insert was rolled back");
    const ids = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.body.event_ids : []));
    assert.deepEqual(rows.map((r) => r.id).sort(), [...ids].sort());
    // Events of nobody we know have nothing to start: no job.
    assert.deepEqual(await pendingJobsAfterDue(), []);
    const def = await definition('Batch Boom');
    assert.equal(def?.event_count, 3, 'counted once per committed event: primer, ok-1, ok-2');
    assert.deepEqual(JSON.parse(def.property_keys), ['boom-primer', 'ok-1', 'ok-2']);
    assert.equal(wakes(), 0, 'events for nobody queue no work, so the worker is not woken');
  });

  test('property keys: known keys are only counted, a key from a rolled-back event is still stored when it comes back', async () => {
    // One EventIngest remembers the keys it has stored per type and then only counts; what it remembers
    // must be what committed, or a key first seen in a rolled-back event would never be stored.
    const { ingest } = ingestWith({
      afterEventInsert(request: IngestRequest) {
        if (request.externalId === 'keys-boom') throw new Error('injected failure');
      },
    });
    const submit = (external_id: string, properties: Record<string, number | boolean>) =>
      ingest.ingest(shop.shopId, { type: 'Batch Keys', external_id, properties }, undefined);
    await submit('keys-1', { rating: 5 });
    await submit('keys-2', { rating: 4 });
    await assert.rejects(submit('keys-boom', { rating: 1, late: true }), /injected failure/);
    assert.deepEqual(JSON.parse((await definition('Batch Keys'))!.property_keys), ['rating'], 'the rolled-back key is not stored');
    await submit('keys-3', { rating: 3, late: true });
    await submit('keys-4', { late: false });
    const def = await definition('Batch Keys');
    assert.deepEqual(JSON.parse(def!.property_keys), ['rating', 'late']);
    assert.equal(def?.event_count, 4, 'keys-1, keys-2, keys-3, keys-4: the rolled-back event is not counted');
  });

  test('another process committing the same external_id mid-batch: the batch is retried item by item and replays its row', async () => {
    // Two EventIngests are two processes' batchers. A inserts "race-1" and pauses before committing; B's
    // batch [race-1, race-3] then inserts race-1 too. On PostgreSQL, B's insert waits on the unique index
    // and fails once A commits, so B's whole batch rolls back and each item runs alone: race-1 finds A's
    // row (a replay), race-3 is stored. On SQLite, B waits for the single connection and replays in-batch.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const a = ingestWith({
      afterEventInsert: async (r) => {
        if (r.externalId === 'race-1') await gate;
      },
    });
    const bInserted: string[] = [];
    const bErrors: unknown[] = [];
    const b = ingestWith({ afterEventInsert: (r) => void bInserted.push(r.externalId ?? ''), onBatchError: (err) => bErrors.push(err) });
    const submit = (ingest: EventIngest, external_id: string) => ingest.ingest(shop.shopId, { type: 'Batch Race', external_id }, undefined);

    const aRace = submit(a.ingest, 'race-1');
    const bAll = Promise.all([submit(b.ingest, 'race-b0'), submit(b.ingest, 'race-1'), submit(b.ingest, 'race-3')]);
    // Wait (for a state, not a duration) until B is stuck behind A: on PostgreSQL its insert waits for A's
    // row lock; on SQLite its first flush has started and waits for the connection.
    for (let i = 0; i < 500; i++) {
      if (h.database.dialect === 'postgres') {
        const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query like 'insert into "events"%' and datname = current_database()`.execute(h.database.db);
        if ((waiting.rows[0]?.n ?? 0) > 0) break;
      } else if (b.sizes.length > 0) break;
      await sleep(10);
    }
    open();
    const [aResponse, [, bRace, bThree]] = await Promise.all([aRace, bAll]);
    assert.equal(bRace.body.event_ids[0], aResponse.body.event_ids[0], "B answers with A's id");
    const rows = await eventsWith(['race-1', 'race-3']);
    assert.deepEqual(rows.map((r) => r.external_id).sort(), ['race-1', 'race-3']);
    assert.equal(rows.find((r) => r.external_id === 'race-3')?.id, bThree.body.event_ids[0]);
    assert.deepEqual(b.sizes, [1, 2]);
    assert.deepEqual(bInserted, ['race-b0', 'race-3'], 'B never stored its own race-1');
    if (h.database.dialect === 'postgres') {
      assert.equal(bErrors.length, 1, 'the batch lost the race as a whole');
      assert.ok(isUniqueViolation(bErrors[0]));
    } else {
      assert.deepEqual(bErrors, []);
    }
  });

  test('concurrent batches (4 lanes) full of duplicates: one row per external_id, the same id for every duplicate', async () => {
    // Small batches so that many are in flight at once, each holding several of the same six external_ids
    // in different orders. On PostgreSQL a batch that inserts an external_id another uncommitted batch
    // holds waits on the unique index and then fails as a whole (or is chosen as a deadlock victim); its
    // items are retried one by one and replay the winner's row.
    await h.runDue();
    const batchErrors: unknown[] = [];
    const { ingest, sizes } = ingestWith({ concurrency: 4, maxBatch: 8, onBatchError: (err) => batchErrors.push(err) });
    const externalIds = Array.from({ length: 6 }, (_, i) => `lanes-${i}`);
    const sent = Array.from({ length: 120 }, (_, i) => externalIds[(i * 7 + Math.floor(i / 6)) % 6]!);
    const responses = await Promise.all(
      sent.map((external_id, i) => ingest.ingest(shop.shopId, { type: 'Batch Lanes', external_id, properties: { n: i } }, undefined)),
    );
    assert.ok(
      sizes.some((n) => n > 1),
      'requests were batched',
    );
    assert.equal(
      sizes.reduce((x, y) => x + y, 0),
      120,
    );
    const rows = await eventsWith(externalIds);
    assert.equal(rows.length, 6, 'one row per external_id');
    const byExternal = new Map(rows.map((r) => [r.external_id, r.id]));
    sent.forEach((x, i) => assert.equal(responses[i]?.body.event_ids[0], byExternal.get(x), `request ${i} (${x}) got the stored id`));
    assert.deepEqual(await pendingJobsAfterDue(), [], 'nobody to start anything for: no job');
    assert.equal((await definition('Batch Lanes'))?.event_count, 6, 'the definition counts stored events only');
    // Which batches lose a race depends on scheduling; whatever failed as a whole failed only on a lost race.
    const codes = batchErrors.map((e) => (e as { code?: unknown }).code);
    if (h.database.dialect === 'postgres')
      assert.ok(
        codes.every((c) => c === '23505' || c === '40P01'),
        `batch errors: ${codes.join(', ')}`,
      );
    else assert.deepEqual(codes, [], 'SQLite runs one transaction at a time: no race to lose');
  });

  test('validation errors are thrown before queueing and cost no transaction', async () => {
    const { ingest, sizes } = ingestWith();
    await assert.rejects(ingest.ingest(shop.shopId, { type: 'Batch Bad', phone: 'call me' }, undefined), /not a phone number/);
    assert.deepEqual(sizes, []);
  });
});
