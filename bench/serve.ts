// A server for one benchmark, in its own process so the load generator does not share its event
// loop. Prints one JSON line {port, privateKey?} on stdout once listening.
//   node --import tsx bench/serve.ts events   the real POST /api/v2/events (SMS platform, worker running)
//   node --import tsx bench/serve.ts floor    a bare Fastify route doing one SQLite insert per request
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { loadConfig, silentLogger, systemClock } from '@rapport/kit';
import { createShop, createSmsService, openSmsDatabase } from '@rapport/sms';

const kind = process.argv[2];
// Exit cleanly on SIGINT/SIGTERM so `node --cpu-prof` can write its profile.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));

if (kind === 'floor') {
  const sqlite = new Database(join(dir, 'floor.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table events (id integer primary key, external_id text unique, body text not null, created_at text not null)');
  const insert = sqlite.prepare('insert into events (external_id, body, created_at) values (?, ?, ?)');
  const app = Fastify({ logger: false });
  app.post('/api/v2/events', async (request, reply) => {
    const body = request.body as { external_id?: string };
    const r = insert.run(body.external_id ?? null, JSON.stringify(body), new Date().toISOString());
    return reply.code(202).send({ event_ids: [String(r.lastInsertRowid)] });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`);
} else if (kind === 'events') {
  const database = await openSmsDatabase({ dataDir: dir });
  const shop = await createShop(database, systemClock, { name: 'Bench Shop' });
  const config = { ...loadConfig({}), dataDir: dir };
  const service = await createSmsService({ database, clock: systemClock, log: silentLogger, config });
  await service.app.listen({ host: '127.0.0.1', port: 0 });
  service.worker.start();
  const addr = service.app.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0, privateKey: shop.private_key })}\n`);
} else {
  process.stderr.write('usage: bench/serve.ts events|floor\n');
  process.exit(2);
}
