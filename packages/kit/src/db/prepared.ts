import type pg from 'pg';
import type { Dialect } from './open.js';

/**
 * Named prepared statements on PostgreSQL for the hot paths' fixed SQL texts. An unnamed statement is
 * parsed and planned by the server on every execution; on the ingest bench (2 shared cores, PostgreSQL
 * beside Node) that server-side work competes with Node for the same CPU. A text registered here is
 * prepared once per pooled connection and then only bound and executed.
 *
 * Only texts our own code builds are registered (`insertRows`, `updateRows`, `runRaw`, `anyOf`): fixed
 * column lists, never `select *`, so a column added by a later migration cannot change a prepared
 * statement's result type under a running process. The registry is bounded; a text beyond it runs unnamed.
 * SQLite needs none of this: the statement cache in `open.ts` already keeps prepared statements.
 */
const names = new Map<string, string>();
const MAX_NAMES = 2000;

export function registerPrepared(text: string): void {
  if (names.size < MAX_NAMES && !names.has(text)) names.set(text, `rapport_${names.size + 1}`);
}

const WRAPPED = Symbol('rapport.prepared');
type QueryFn = (textOrConfig: unknown, values?: unknown) => unknown;

/** A pool whose clients send registered texts as named statements; everything else is unchanged. */
export function withPreparedStatements(pool: pg.Pool): { connect(): Promise<pg.PoolClient>; end(): Promise<void> } {
  return {
    async connect() {
      const client = (await pool.connect()) as pg.PoolClient & { [WRAPPED]?: true };
      if (!client[WRAPPED]) {
        const query = client.query.bind(client) as QueryFn;
        const named: QueryFn = (textOrConfig, values) => {
          const name = typeof textOrConfig === 'string' ? names.get(textOrConfig) : undefined;
          return name ? query({ name, text: textOrConfig, values }) : query(textOrConfig, values);
        };
        (client as unknown as { query: QueryFn }).query = named;
        client[WRAPPED] = true;
      }
      return client;
    },
    end: () => pool.end(),
  };
}

/**
 * A membership test whose SQL text does not depend on how many values it tests: `"col" = any(?)` with one
 * array parameter on PostgreSQL (one prepared statement for every batch size), `"col" in (?, ?, …)` on
 * SQLite, which keeps a prepared statement per text anyway.
 */
export function anyOf(dialect: Dialect, column: string, values: readonly unknown[]): { sql: string; params: unknown[] } {
  if (dialect === 'postgres') return { sql: `${column} = any(?)`, params: [values] };
  return { sql: `${column} in (${values.map(() => '?').join(', ')})`, params: [...values] };
}
