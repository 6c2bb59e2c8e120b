import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection } from 'kysely';
import pg from 'pg';
import { withPreparedStatements } from './prepared.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DbConfig {
  /** Which service's database: each service owns its own SQLite file or PostgreSQL schema. */
  name: string;
  /** SQLite data directory (used when `databaseUrl` is absent). `:memory:` gives a private in-memory database. */
  dataDir?: string;
  /** PostgreSQL connection string; when set, the service lives in schema `<schemaPrefix><name>`. */
  databaseUrl?: string;
  schemaPrefix?: string;
  /** Pool size on PostgreSQL. */
  maxConnections?: number;
}

export interface Database<DB> {
  db: Kysely<DB>;
  dialect: Dialect;
  /** PostgreSQL schema (undefined on SQLite). */
  schema?: string;
  /** PostgreSQL connection string, for LISTEN connections (undefined on SQLite). */
  databaseUrl?: string;
  /** Drop everything this database holds (tests only). */
  destroyData(): Promise<void>;
  /**
   * The same database on connections of its own (PostgreSQL: a pool of `max`; SQLite: this same handle,
   * one writer either way). For a worker that shares a process with an API: its statements would
   * otherwise queue in the pool behind request transactions. The caller closes what it got back.
   */
  withOwnConnections(max: number): Promise<Database<DB>>;
  close(): Promise<void>;
}

// BIGINT (count(*) and friends) arrives as a string by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * SQLite's default `BEGIN` is DEFERRED: a transaction that reads first and writes later can hit
 * SQLITE_BUSY without waiting when another process (the CLI, a second worker) holds the write lock.
 * `BEGIN IMMEDIATE` takes the write lock up front, so busy_timeout applies and writers queue instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export async function openDatabase<DB>(config: DbConfig): Promise<Database<DB>> {
  if (config.databaseUrl) return openPostgres<DB>(config, config.databaseUrl);
  return openSqlite<DB>(config);
}

function openSqlite<DB>(config: DbConfig): Database<DB> {
  const dataDir = config.dataDir ?? './data';
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, `${config.name}.db`);
  }
  const sqlite = new SqliteDatabase(file);
  // WAL + NORMAL: durable across process crashes (the WAL is fsynced at checkpoints; a crash of the
  // process loses nothing committed, only an OS crash can lose the last transactions). See docs/architecture.md.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  const database: Database<DB> = {
    db,
    dialect: 'sqlite',
    async destroyData() {
      const tables = sqlite.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%'").all() as {
        name: string;
      }[];
      sqlite.pragma('foreign_keys = OFF');
      for (const t of tables) sqlite.exec(`drop table if exists "${t.name}"`);
    },
    withOwnConnections: async () => ({ ...database, close: async () => undefined }),
    close: () => db.destroy(),
  };
  return database;
}

/**
 * Kysely prepares every query afresh; on the event-ingest path that was 11 % of the CPU profile
 * (better-sqlite3 `prepare`). Our queries are built from a fixed set of shapes, so the SQL text repeats
 * and a prepared statement can be reused. Bounded so an unexpected variety of SQL cannot grow it forever.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, max = 2000) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const stats = process.env['RAPPORT_SQL_STATS'] ? statementStats(process.env['RAPPORT_SQL_STATS']) : undefined;
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= max) cache.clear();
        statement = sqlite.prepare(sql);
        if (stats) statement = stats.wrap(sql, statement);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * RAPPORT_SQL_STATS=<file> (`%p` becomes the pid): a statement counter for profiling (count and time of every SQL text, written
 * as JSON when the process exits). Off unless asked for: it wraps every statement.
 */
function statementStats(file: string) {
  const totals = new Map<string, { count: number; ms: number }>();
  process.once('exit', () => {
    const rows = [...totals].map(([sql, t]) => ({ sql, ...t })).sort((a, b) => b.ms - a.ms);
    writeFileSync(file.replace('%p', String(process.pid)), JSON.stringify(rows, null, 1));
  });
  return {
    wrap(sql: string, statement: SqliteDatabase.Statement): SqliteDatabase.Statement {
      const entry = { count: 0, ms: 0 };
      totals.set(sql, entry);
      const timed =
        <A extends unknown[], R>(fn: (...args: A) => R) =>
        (...args: A): R => {
          const t = performance.now();
          try {
            return fn(...args);
          } finally {
            entry.count++;
            entry.ms += performance.now() - t;
          }
        };
      return new Proxy(statement, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (prop === 'run' || prop === 'all' || prop === 'get' || prop === 'iterate')
            return timed((value as (...a: unknown[]) => unknown).bind(target));
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

/**
 * Kysely's migrator looks for its tables by introspecting every schema of the database; a schema dropped
 * meanwhile (the test suite drops one per test file, in parallel) makes that query fail. Migrations take
 * this advisory lock shared and dropping a schema takes it exclusively, so the two never overlap.
 */
export const SCHEMA_DDL_LOCK = 7_262_001;

async function openPostgres<DB>(config: DbConfig, databaseUrl: string): Promise<Database<DB>> {
  const schema = `${config.schemaPrefix ?? ''}${config.name}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  try {
    await setup.query(`create schema if not exists "${schema}"`);
  } finally {
    await setup.end();
  }
  const newPool = (max: number) =>
    new pg.Pool({
      connectionString: databaseUrl,
      max,
      // Custom plans always: hot statements are prepared once per connection (db/prepared.ts), and a generic
      // plan chosen while a table was still empty (a sequential scan) would otherwise stay as it grows.
      options: `-c search_path="${schema}" -c plan_cache_mode=force_custom_plan`,
    });
  const pool = newPool(config.maxConnections ?? 10);
  const kysely = (p: pg.Pool) => new Kysely<DB>({ dialect: new PostgresDialect({ pool: withPreparedStatements(p) }) });
  const db = kysely(pool);
  const database: Database<DB> = {
    db,
    dialect: 'postgres',
    schema,
    databaseUrl,
    async destroyData() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [SCHEMA_DDL_LOCK]);
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.query('select pg_advisory_unlock($1)', [SCHEMA_DDL_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    async withOwnConnections(max) {
      const own = kysely(newPool(max));
      return { ...database, db: own, close: () => own.destroy() };
    },
    close: () => db.destroy(),
  };
  return database;
}
