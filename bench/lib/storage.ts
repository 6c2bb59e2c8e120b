import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where one bench server keeps its data: a fresh SQLite directory, or a PostgreSQL schema prefix. */
export interface BenchStorage {
  dataDir: string;
  databaseUrl: string | undefined;
  schemaPrefix: string;
  env: Record<string, string>;
}

let n = 0;
export function benchStorage(databaseUrl: string | undefined): BenchStorage {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const schemaPrefix = `bench_${process.pid}_${++n}_`;
  return {
    dataDir,
    databaseUrl,
    schemaPrefix,
    env: { BENCH_DATA_DIR: dataDir, ...(databaseUrl ? { BENCH_DATABASE_URL: databaseUrl, BENCH_SCHEMA_PREFIX: schemaPrefix } : {}) },
  };
}

/** Drops every schema (and floor table) a bench run created on PostgreSQL. */
export async function dropBenchSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const prefix = `bench_${process.pid}_`;
  const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where starts_with(nspname, $1)', [prefix]);
  for (const r of rows) await client.query(`drop schema "${r.nspname}" cascade`);
  const tables = await client.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = 'public' and starts_with(tablename, $1)",
    [prefix],
  );
  for (const t of tables.rows) await client.query(`drop table "${t.tablename}"`);
  await client.end();
}
