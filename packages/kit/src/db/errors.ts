/** True when a write failed on a UNIQUE constraint, on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** PostgreSQL `deadlock_detected` / `serialization_failure`: the transaction was rolled back as a whole. */
export function isDeadlock(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === '40P01' || code === '40001';
}

/**
 * Runs a write transaction again when it lost a race that left nothing committed: a unique constraint
 * (the same external_id, Idempotency-Key, phone or webhook id arriving twice at once — the retry then finds
 * the winner's rows) or, on PostgreSQL, a deadlock between two batches locking keys in different orders.
 * `fn` must open its own transaction so each attempt starts clean.
 */
export async function retryTransaction<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !(isUniqueViolation(err) || isDeadlock(err))) throw err;
    }
  }
}
