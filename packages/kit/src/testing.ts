import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { openDatabase, SCHEMA_DDL_LOCK, type Database } from './db/open.js';
import { migrateToLatest, type Migrations } from './db/migrate.js';

/**
 * The database a test runs on: PostgreSQL when TEST_DATABASE_URL is set (the test script sets it for
 * the second pass), else a fresh SQLite file in a temp directory. Each call is isolated: its own
 * PostgreSQL schema or its own directory, removed by `close`.
 */
export async function openTestDatabase<DB>(name: string, migrations: Migrations): Promise<Database<DB>> {
  const url = process.env['TEST_DATABASE_URL'];
  if (url) {
    const prefix = `t${randomBytes(5).toString('hex')}_`;
    const database = await openDatabase<DB>({ name, databaseUrl: url, schemaPrefix: prefix, maxConnections: 4 });
    await migrateToLatest(database, migrations);
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await database.destroyData();
        await close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const database = await openDatabase<DB>({ name, dataDir: dir });
  await migrateToLatest(database, migrations);
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Settings for tests that start whole services (in-process or as `rapport` child processes): a temp
 * data dir, or a PostgreSQL schema prefix. `cleanup` removes the dir and drops every schema with the prefix.
 */
export function testStorage(): { dataDir: string; databaseUrl?: string; schemaPrefix?: string; cleanup(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const url = process.env['TEST_DATABASE_URL'];
  const prefix = `t${randomBytes(5).toString('hex')}_`;
  return {
    dataDir: dir,
    ...(url ? { databaseUrl: url, schemaPrefix: prefix } : {}),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (url) await dropSchemasWithPrefix(url, prefix);
    },
  };
}

async function dropSchemasWithPrefix(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_DDL_LOCK]);
    const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where starts_with(nspname, $1)', [prefix]);
    for (const r of rows) await client.query(`drop schema if exists "${r.nspname}" cascade`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The columns of one table of the test's own database, or [] when it does not exist — read from this
 * schema alone (`current_schema()`, SQLite's table_info), never by introspecting every schema, which races
 * with other test files dropping theirs.
 */
export async function tableColumns<DB>(database: Database<DB>, table: string): Promise<string[]> {
  const db = database.db as unknown as Kysely<unknown>;
  const { rows } =
    database.dialect === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db)
      : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return rows.map((r) => r.name);
}

/** What a browser holds for one dashboard: its session cookie, the CSRF token and (SMS) the shop it opened. */
export interface DashboardBrowser {
  cookie: string | undefined;
  csrf: string | undefined;
  shop?: string;
}

/**
 * Requests as a dashboard makes them, against a service's Fastify app: the cookie it holds, its CSRF token
 * and shop header, JSON bodies. The cookie and token are kept from each answer, as a browser keeps them.
 */
export const newDashboardBrowser = (): DashboardBrowser => ({ cookie: undefined, csrf: undefined });

export function dashboardClient(app: { inject: FastifyInject }, cookieName: string, host = 'localhost:80') {
  return {
    async call(
      b: DashboardBrowser,
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      body?: unknown,
      extra: Record<string, string> = {},
    ) {
      const res = await app.inject({
        method,
        url,
        headers: {
          host,
          ...(b.cookie ? { cookie: `${cookieName}=${b.cookie}` } : {}),
          ...(b.csrf && method !== 'GET' ? { 'x-csrf-token': b.csrf } : {}),
          ...(b.shop ? { 'x-rapport-shop': b.shop } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...extra,
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      const set = res.cookies.find((c) => c.name === cookieName);
      if (set) b.cookie = set.value === '' ? undefined : set.value;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are untyped JSON, read by assertions
      const json = res.body ? (res.json() as any) : undefined;
      if (json?.csrf_token) b.csrf = json.csrf_token;
      return { status: res.statusCode, body: json, cookie: set, headers: res.headers };
    },
  };
}
type FastifyInject = (opts: InjectOptions) => Promise<LightMyRequestResponse>;
