import { insertRows, sortableId } from '@rapport/kit';
import { sql } from 'kysely';
import { NOON_IN_NEW_YORK } from '../lib/clock.js';
import { spawnReady, sleep, stop } from '../lib/processes.js';
import { openBenchDatabase, seedSubscribers } from '../lib/seed.js';
import { benchStorage, type BenchStorage } from '../lib/storage.js';

/**
 * `texts` texts coming due at once — subscribed recipients who already had the opt-out notice, one queued
 * outbox row and one due `sms.send` job each, as a campaign or a burst of flow steps leaves them — drained
 * by `workers` worker processes through the dev carrier. Throughput pacing does not exist yet, so nothing
 * throttles the drain.
 */
export async function drainRun(opts: { databaseUrl: string | undefined; texts: number; workers: number }) {
  const storage = benchStorage(opts.databaseUrl);
  await seed(storage, opts.texts);
  const workers = await Promise.all(
    Array.from({ length: opts.workers }, () => spawnReady<{ pid: number }>('bench/drain-worker.ts', [], storage.env)),
  );
  const database = await openBenchDatabase(storage);
  try {
    const started = performance.now();
    for (const w of workers) w.child.kill('SIGUSR2');
    let sent = 0;
    const progress: { t: number; sent: number }[] = [];
    while (sent < opts.texts && performance.now() - started < 600_000) {
      await sleep(250);
      const r = await sql<{ n: number }>`select count(*) as n from outbox_messages where status = 'sent'`.execute(database.db);
      sent = Number(r.rows[0]?.n ?? 0);
      progress.push({ t: Math.round(performance.now() - started), sent });
    }
    const seconds = (performance.now() - started) / 1000;
    const carrier = await sql<{ n: number }>`select count(*) as n from dev_carrier_messages`.execute(database.db);
    return {
      texts: opts.texts,
      workers: opts.workers,
      seconds,
      perSecond: Math.round(sent / seconds),
      sent,
      carrierRows: Number(carrier.rows[0]?.n ?? 0),
    };
  } finally {
    await Promise.all(workers.map((w) => stop(w.child)));
    await database.close();
  }
}

async function seed(storage: BenchStorage, texts: number): Promise<void> {
  const at = NOON_IN_NEW_YORK.toISOString();
  await seedSubscribers(storage, 'Drain Shop', texts, async (trx, dialect, shopId, subscribers) => {
    const outbox = subscribers.map((s) => ({
      id: sortableId('msg', NOON_IN_NEW_YORK),
      shop_id: shopId,
      subscriber_id: s.id,
      to_phone: s.phone_number,
      from_phone: null,
      body: 'Summer sale: 20% off everything today. Reply STOP to opt out',
      purpose: 'automation',
      segments: 1,
      encoding: 'GSM-7',
      warnings: '[]',
      status: 'queued',
      status_reason: null,
      automation_id: null,
      run_id: null,
      fire_id: null,
      step: null,
      send_at: at,
      held_until: null,
      provider: null,
      provider_message_id: null,
      delivery_status: null,
      error: null,
      dispatch_attempts: 0,
      dispatched_at: null,
      sent_at: null,
      created_at: at,
      updated_at: at,
    }));
    await insertRows(trx, dialect, 'outbox_messages', Object.keys(outbox[0]!) as (keyof (typeof outbox)[0])[], outbox);
    const jobs = outbox.map((o) => ({
      id: sortableId('job', NOON_IN_NEW_YORK),
      kind: 'sms.send',
      payload: JSON.stringify({ outboxId: o.id }),
      run_at: at,
      state: 'pending',
      attempts: 0,
      max_attempts: 12,
      locked_until: null,
      locked_by: null,
      dedupe_key: `send:${o.id}`,
      last_error: null,
      rerun: 0,
      created_at: at,
      updated_at: at,
    }));
    await insertRows(trx, dialect, 'jobs', Object.keys(jobs[0]!) as (keyof (typeof jobs)[0])[], jobs);
  });
}
