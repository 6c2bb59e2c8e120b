// A server for one benchmark, in its own process so the load generator does not share its event
// loop. Prints one JSON line {port, privateKey?} on stdout once listening.
//   node --import tsx bench/serve.ts events   the real POST /api/v2/events (SMS platform, worker running)
//   node --import tsx bench/serve.ts floor    a bare Fastify route doing one insert per request
// With BENCH_DATABASE_URL (and BENCH_SCHEMA_PREFIX) both run on PostgreSQL instead of SQLite.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig, silentLogger, systemClock } from '@rapport/kit';
import { createShop, createSmsService, openSmsDatabase } from '@rapport/sms';

const kind = process.argv[2];
const databaseUrl = process.env['BENCH_DATABASE_URL'] || undefined;
const schemaPrefix = process.env['BENCH_SCHEMA_PREFIX'] || 'bench_';
// Exit cleanly on SIGINT/SIGTERM so `node --cpu-prof` can write its profile.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));

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

function announce(port: number | undefined, privateKey?: string): void {
  process.stdout.write(`${JSON.stringify({ port, ...(privateKey ? { privateKey } : {}) })}\n`);
}

if (kind === 'floor') {
  const insert = await floorInsert();
  const app = Fastify({ logger: false });
  app.post('/api/v2/events', async (request, reply) => {
    const body = request.body as { external_id?: string };
    return reply.code(202).send({ event_ids: [await insert(body.external_id ?? null, JSON.stringify(body))] });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  announce(typeof addr === 'object' && addr ? addr.port : 0);
} else if (kind === 'events') {
  const database = await openSmsDatabase({ dataDir: dir, ...(databaseUrl ? { databaseUrl, schemaPrefix } : {}) });
  const shop = await createShop(database, systemClock, { name: 'Bench Shop' });
  const config = { ...loadConfig({}), dataDir: dir };
  const service = await createSmsService({ database, clock: systemClock, log: silentLogger, config });
  await service.app.listen({ host: '127.0.0.1', port: 0 });
  service.worker.start();
  const addr = service.app.server.address();
  announce(typeof addr === 'object' && addr ? addr.port : 0, shop.private_key);
} else {
  process.stderr.write('usage: bench/serve.ts events|floor\n');
  process.exit(2);
}
