import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from './open.js';

/**
 * Multi-row INSERT for hot paths: one statement per batch instead of one per row, with the SQL text built
 * once per (table, columns, row count, dialect) and cached, so neither Kysely's builder nor its compiler
 * runs per row. On the ingest path building and compiling the same insert for every event was ~17 % of
 * CPU (profile of 2026-12-02); a 64-row batch is one cached text and one round trip.
 *
 * `onConflictDoNothing` names the unique columns whose clash skips a row (SQLite and PostgreSQL both
 * spell it `on conflict (…) do nothing`).
 */
const texts = new Map<string, string>();
/** SQLite's default limit on bound parameters is 32,766; PostgreSQL's is 65,535. Stay well below both. */
const MAX_PARAMS = 8000;

function insertText(dialect: Dialect, table: string, columns: readonly string[], rows: number, conflict?: readonly string[]): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}|${conflict?.join(',') ?? ''}`;
  let text = texts.get(key);
  if (!text) {
    let n = 0;
    const placeholder = dialect === 'postgres' ? () => `$${++n}` : () => '?';
    const tuple = () => `(${columns.map(placeholder).join(', ')})`;
    const values = Array.from({ length: rows }, tuple).join(', ');
    const onConflict = conflict ? ` on conflict (${conflict.map((c) => `"${c}"`).join(', ')}) do nothing` : '';
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values}${onConflict}`;
    if (texts.size > 500) texts.clear();
    texts.set(key, text);
  }
  return text;
}

export async function insertRows<DB, Row extends object>(
  db: Kysely<DB> | Transaction<DB>,
  dialect: Dialect,
  table: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
  options: { onConflictDoNothing?: readonly string[] } = {},
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    for (const row of chunk) for (const c of columns) params.push((row as Record<string, unknown>)[c]);
    await db.executeQuery(CompiledQuery.raw(insertText(dialect, table, columns, chunk.length, options.onConflictDoNothing), params));
  }
}
