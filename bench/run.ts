// `npm run bench`: events/s accepted by POST /api/v2/events (single events, 64 keep-alive
// connections) beside a floor measured in the same run — a bare Fastify route doing one
// insert per request — so the figure reads as "how close to the hardware's floor", whatever machine.
//   npm run bench                 10 s per server, SQLite
//   npm run bench -- --seconds 30
//   npm run bench -- --database-url postgres://postgres@127.0.0.1:5432/test   the same on PostgreSQL
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    'database-url': { type: 'string' },
  },
});
const databaseUrl = values['database-url'];
const schemaPrefix = `bench_${process.pid}_`;
const storage = databaseUrl ? 'PostgreSQL' : 'SQLite';
const seconds = Number(values.seconds);
const connections = Number(values.connections);

async function serve(kind: 'events' | 'floor'): Promise<{ child: ChildProcess; port: number; privateKey?: string }> {
  const env = { ...process.env, ...(databaseUrl ? { BENCH_DATABASE_URL: databaseUrl, BENCH_SCHEMA_PREFIX: schemaPrefix } : {}) };
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/serve.ts', kind], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server "${kind}" exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { child, ...(JSON.parse(line) as { port: number; privateKey?: string }) };
}

async function load(port: number, privateKey?: string): Promise<autocannon.Result> {
  let n = 0;
  const run = Date.now().toString(36);
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v2/events',
        headers: { 'content-type': 'application/json', ...(privateKey ? { authorization: `Bearer ${privateKey}` } : {}) },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            type: 'Review Created',
            phone: '+12125550100',
            external_id: `bench-${run}-${n++}`,
            properties: { Rating: 5, 'Review Title': 'Great', 'Product Name': 'Linen Shirt' },
          }),
        }),
      },
    ],
  });
}

function summary(r: autocannon.Result) {
  return {
    requests_per_s: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non_2xx: r.non2xx,
    errors: r.errors,
    total: r.requests.total,
  };
}

const results: Record<string, ReturnType<typeof summary>> = {};
for (const kind of ['floor', 'events'] as const) {
  const server = await serve(kind);
  try {
    await load(server.port, server.privateKey).then(() => undefined); // warm-up pass is discarded
    results[kind] = summary(await load(server.port, server.privateKey));
  } finally {
    server.child.kill('SIGTERM');
  }
}

const floor = results['floor']!;
const events = results['events']!;
const ratio = events.requests_per_s / floor.requests_per_s;
console.log(
  `\nPOST /api/v2/events on ${storage}, single events, ${connections} keep-alive connections, ${seconds} s (after an equal warm-up)\n`,
);
console.log('| server | events/s | p50 ms | p99 ms | non-2xx | errors |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(
  `| floor: bare Fastify + 1 ${storage} insert | ${floor.requests_per_s} | ${floor.p50_ms} | ${floor.p99_ms} | ${floor.non_2xx} | ${floor.errors} |`,
);
console.log(
  `| Rapport SMS platform | ${events.requests_per_s} | ${events.p50_ms} | ${events.p99_ms} | ${events.non_2xx} | ${events.errors} |`,
);
console.log(`\nRapport reaches ${(ratio * 100).toFixed(0)} % of the floor.`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/latest.json',
  JSON.stringify({ at: new Date().toISOString(), storage, seconds, connections, results, ratio }, null, 2),
);
if (databaseUrl) await dropBenchSchemas(databaseUrl);

async function dropBenchSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where starts_with(nspname, $1)', [
    schemaPrefix,
  ]);
  for (const r of rows) await client.query(`drop schema "${r.nspname}" cascade`);
  await client.query(`drop table if exists "${schemaPrefix}floor_events"`);
  await client.end();
}
