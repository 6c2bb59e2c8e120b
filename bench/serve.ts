// A server for one benchmark, in its own process so the load generator does not share its event loop.
// Prints one JSON line once listening ({port, …}).
//   node --import tsx bench/serve.ts floor    a bare Fastify route doing one insert per request
//   node --import tsx bench/serve.ts events   the real POST /api/v2/events (SMS platform, worker running),
//                                             with a subscribed phone the events resolve to
//   node --import tsx bench/serve.ts fire     the real POST /v1/triggers/{id}/subscribers/{id} with an enabled
//                                             legacy automation that texts at once, 100 subscribers
// BENCH_DATA_DIR is the SQLite directory; with BENCH_DATABASE_URL (and BENCH_SCHEMA_PREFIX) PostgreSQL.
// The clock is a dev clock started at noon in New York and flowing, so no text is held for quiet hours.
import type { Server } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { DevClock, loadConfig, silentLogger } from '@rapport/kit';
import { createShop, createSmsService, openSmsDatabase, type SmsDatabase, type SmsService } from '@rapport/sms';
import { NOON_IN_NEW_YORK } from './lib/clock.js';

const kind = process.argv[2];
const databaseUrl = process.env['BENCH_DATABASE_URL'] || undefined;
const schemaPrefix = process.env['BENCH_SCHEMA_PREFIX'] || `bench_${process.pid}_`;
const dir = process.env['BENCH_DATA_DIR'] as string;
// Exit cleanly on SIGINT/SIGTERM so `node --cpu-prof` can write its profile.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));

/** One insert per request, committed on its own: the cheapest durable row the storage allows. */
async function floorInsert(): Promise<(externalId: string | null, body: string) => Promise<string>> {
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    const table = `"${schemaPrefix}floor_events"`;
    await pool.query(
      `create table if not exists ${table} (id bigserial primary key, external_id text unique, body text not null, created_at text not null)`,
    );
    return async (externalId, body) => {
      const r = await pool.query<{ id: string }>(`insert into ${table} (external_id, body, created_at) values ($1, $2, $3) returning id`, [
        externalId,
        body,
        new Date().toISOString(),
      ]);
      return String(r.rows[0]!.id);
    };
  }
  const sqlite = new Database(join(dir, 'floor.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table events (id integer primary key, external_id text unique, body text not null, created_at text not null)');
  const insert = sqlite.prepare('insert into events (external_id, body, created_at) values (?, ?, ?)');
  return async (externalId, body) => String(insert.run(externalId, body, new Date().toISOString()).lastInsertRowid);
}

function announce(service: { server: Server }, extra: Record<string, unknown> = {}): void {
  const addr = service.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0, pid: process.pid, ...extra })}\n`);
}

/** The SMS platform as `rapport start` runs it, with the bench's read-only routes added before it is ready. */
async function smsService(benchRoutes: (app: SmsService['app'], db: SmsDatabase['db']) => void) {
  const database = await openSmsDatabase({ dataDir: dir, ...(databaseUrl ? { databaseUrl, schemaPrefix } : {}) });
  const clock = new DevClock(NOON_IN_NEW_YORK);
  const shop = await createShop(database, clock, { name: 'Bench Shop' });
  const config = { ...loadConfig({}), dataDir: dir };
  const service = await createSmsService({ database, clock, log: silentLogger, config });
  benchRoutes(service.app, database.db);
  const auth = { authorization: `Bearer ${shop.private_key}`, 'content-type': 'application/json' };
  const call = async (method: 'POST' | 'GET', url: string, body?: unknown) => {
    const r = await service.app.inject({ method, url, headers: auth, ...(body ? { payload: JSON.stringify(body) } : {}) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json() as Record<string, unknown>;
  };
  return { service, shop, call };
}

/** A subscriber through the real double opt-in: created, then "Y" from the phone. */
async function subscribe(service: SmsService, call: (m: 'POST', u: string, b: unknown) => Promise<Record<string, unknown>>, phone: string) {
  const sub = await call('POST', '/api/v2/subscribers', { phone_number: phone });
  await service.app.inject({ method: 'POST', url: '/dev/carrier/inbound', payload: { from: phone, body: 'Y' } });
  return sub['id'] as string;
}

if (kind === 'floor') {
  const insert = await floorInsert();
  const app = Fastify({ logger: false });
  app.post('/api/v2/events', async (request, reply) => {
    const body = request.body as { external_id?: string };
    return reply.code(202).send({ event_ids: [await insert(body.external_id ?? null, JSON.stringify(body))] });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  announce(app);
} else if (kind === 'events') {
  const { service, shop, call } = await smsService((app, db) => {
    // The work behind the events: an event starts its automations inside its ingest transaction, so what
    // is left to do is the jobs those starts enqueued (texts, steps): pending jobs of any kind.
    const unprocessed = async () => {
      const r = await sql<{ n: number }>`select count(*) as n from jobs where state = 'pending'`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    };
    app.get('/bench/stats', async () => {
      const r = await sql<{ events: number }>`select count(*) as events from events`.execute(db);
      return { events: Number(r.rows[0]?.events ?? 0), unprocessed: await unprocessed() };
    });
    app.get('/bench/unprocessed', async () => ({ unprocessed: await unprocessed() }));
  });
  const phone = '+12125550100';
  await subscribe(service, call, phone);
  await service.app.listen({ host: '127.0.0.1', port: 0 });
  service.worker.start();
  announce(service.app, { privateKey: shop.private_key, phone });
} else if (kind === 'fire') {
  // Cause → text for an enabled legacy automation that texts at once. The cause is a partner trigger fire
  // (`fire trigger`) or a custom event of a subscriber (`fire event`): an automation on the event type
  // "Okendo Loyalty Points Awarded", started inside the event's ingest transaction.
  // `fire flow`: the same events, into a published automation flow whose one step texts at once.
  const cause = process.argv[3] === 'event' ? 'event' : process.argv[3] === 'flow' ? 'flow' : 'trigger';
  const { service, shop, call } = await smsService((app, db) => {
    // Per cause: when it was stored and when the dev carrier took its text (both from the clock).
    app.get('/bench/latency', async () => {
      // A flow's text is keyed by its run (outbox fire_id = run id), the run by the event (cause_id).
      const r =
        cause === 'flow'
          ? await sql<{ stored: string; delivered: string | null }>`select e.created_at as stored, d.created_at as delivered
        from events e left join flow_runs r on r.cause_id = e.id left join outbox_messages o on o.fire_id = r.id
        left join dev_carrier_messages d on d.outbox_id = o.id`.execute(db)
          : cause === 'event'
            ? await sql<{ stored: string; delivered: string | null }>`select e.created_at as stored, d.created_at as delivered
        from events e left join outbox_messages o on o.fire_id = e.id left join dev_carrier_messages d on d.outbox_id = o.id`.execute(db)
            : await sql<{ stored: string; delivered: string | null }>`select f.created_at as stored, d.created_at as delivered
        from trigger_fires f left join outbox_messages o on o.fire_id = f.id left join dev_carrier_messages d on d.outbox_id = o.id`.execute(
                db,
              );
      return {
        fires: r.rows.length,
        latenciesMs: r.rows.flatMap((x) => (x.delivered ? [Date.parse(x.delivered) - Date.parse(x.stored)] : [])),
      };
    });
  });
  const trigger = cause === 'trigger' ? await call('POST', '/v1/triggers', { name: 'Bench Trigger', tags: ['code'] }) : undefined;
  if (cause === 'flow')
    await call('POST', '/api/flows', {
      name: 'Bench flow',
      publish: true,
      graph: {
        version: 1,
        trigger: { kind: 'event', event_type: 'Okendo Loyalty Points Awarded' },
        reentry: { mode: 'every_time' },
        start: 'say',
        nodes: [{ id: 'say', type: 'message', body: 'You earned {Points Earned} points. Reply STOP to opt out', next: null }],
      },
    });
  else
    await call('POST', '/api/automations', {
      trigger: cause === 'trigger' ? 'Bench Trigger' : 'Okendo Loyalty Points Awarded',
      messages: [
        {
          body:
            cause === 'trigger' ? 'Your code is {code}. Reply STOP to opt out' : 'You earned {Points Earned} points. Reply STOP to opt out',
        },
      ],
      enabled: true,
    });
  service.worker.start();
  const subscribers: string[] = [];
  for (let i = 0; i < 100; i++) subscribers.push(await subscribe(service, call, `+1212555${String(1000 + i).padStart(4, '0')}`));
  await service.app.listen({ host: '127.0.0.1', port: 0 });
  announce(service.app, { privateKey: shop.private_key, triggerId: trigger?.['id'] ?? null, subscribers });
} else {
  process.stderr.write('usage: bench/serve.ts floor|events|fire\n');
  process.exit(2);
}
