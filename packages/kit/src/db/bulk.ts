import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from './open.js';
import { registerPrepared } from './prepared.js';

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
    registerPrepared(text);
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

const converted = new Map<string, string>();

/**
 * Runs one fixed SQL text (written with `?` placeholders) with new parameters: for per-row statements on a
 * hot path that Kysely would otherwise build and compile for every row. The text is turned into `$1…$n`
 * once for PostgreSQL and kept; both dialects then reuse the prepared statement.
 */
export async function runRaw<DB, R = unknown>(
  db: Kysely<DB> | Transaction<DB>,
  dialect: Dialect,
  text: string,
  params: readonly unknown[],
): Promise<{ rows: R[]; numAffectedRows: bigint | undefined }> {
  let sqlText = text;
  if (dialect === 'postgres') {
    sqlText = converted.get(text) ?? '';
    if (!sqlText) {
      let n = 0;
      sqlText = text.replace(/\?/g, () => `$${++n}`);
      if (converted.size > 500) converted.clear();
      converted.set(text, sqlText);
      registerPrepared(sqlText);
    }
  }
  const r = await db.executeQuery<R>(CompiledQuery.raw(sqlText, [...params]));
  return { rows: r.rows, numAffectedRows: r.numAffectedRows };
}

export type SqlType = 'text' | 'integer';

/**
 * Multi-row UPDATE: one statement sets different values on many rows, joined on `key` from a VALUES list
 * (`with v(…) as (values …) update t set … from v where t.key = v.key`, which SQLite ≥ 3.33 and PostgreSQL
 * both run). `columns` names each value column and its SQL type (PostgreSQL needs the cast; parameters in
 * VALUES are text). `alsoSet` / `alsoWhere` add fixed SQL (no parameters) to the SET and WHERE clauses.
 * On PostgreSQL a batch of texts marked sent one row at a time was a round trip per text.
 */
export async function updateRows<DB>(
  db: Kysely<DB> | Transaction<DB>,
  dialect: Dialect,
  spec: { table: string; key: string; columns: Readonly<Record<string, SqlType>>; alsoSet?: string; alsoWhere?: string },
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(spec.columns);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / (names.length + 1)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const key = `update|${dialect}|${spec.table}|${spec.key}|${names.join(',')}|${spec.alsoSet ?? ''}|${spec.alsoWhere ?? ''}|${chunk.length}`;
    let text = texts.get(key);
    if (!text) {
      let n = 0;
      const placeholder = dialect === 'postgres' ? () => `$${++n}` : () => '?';
      const tuple = () => `(${[spec.key, ...names].map(placeholder).join(', ')})`;
      const cast = (c: string) => (dialect === 'postgres' && spec.columns[c] === 'integer' ? `cast(v."${c}" as integer)` : `v."${c}"`);
      const set = [...names.map((c) => `"${c}" = ${cast(c)}`), ...(spec.alsoSet ? [spec.alsoSet] : [])].join(', ');
      text =
        `with v("__key", ${names.map((c) => `"${c}"`).join(', ')}) as (values ${Array.from({ length: chunk.length }, tuple).join(', ')}) ` +
        `update "${spec.table}" set ${set} from v where "${spec.table}"."${spec.key}" = v."__key"${spec.alsoWhere ? ` and ${spec.alsoWhere}` : ''}`;
      if (texts.size > 500) texts.clear();
      texts.set(key, text);
      registerPrepared(text);
    }
    const params: unknown[] = [];
    for (const row of chunk) {
      params.push(row[spec.key]);
      for (const c of names) params.push(row[c]);
    }
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
