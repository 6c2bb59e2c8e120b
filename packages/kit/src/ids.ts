import { randomBytes, randomFillSync } from 'node:crypto';

/**
 * Randomness for ids, drawn from a pool refilled 4 KiB at a time: one `randomFillSync` per id was ~6 % of
 * the ingest profile (2026-12-02); a pool makes it one call per ~340 ids. Still the system CSPRNG — but ids
 * only need to be unguessable enough not to collide; secrets (API keys, tokens) use `randomToken`, which
 * takes fresh bytes every time.
 */
const POOL = Buffer.allocUnsafe(4096);
let offset = POOL.length;

function pooledRandom(bytes: number): string {
  if (offset + bytes > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const out = POOL.toString('base64url', offset, offset + bytes);
  offset += bytes;
  return out;
}

/**
 * Prefixed opaque ids in Postscript's style (`s_…`, `shop_…`, `kw_…`): the prefix tells a
 * reader (and a support engineer reading logs) what kind of object an id names.
 */
export function newId(prefix: string, bytes = 12): string {
  return `${prefix}_${pooledRandom(bytes)}`;
}

/** A secret token (API keys, review-link tokens): fresh bytes from the CSPRNG every time. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

let sequence = 0;
const SEQUENCE_SPAN = 36 ** 4;

/**
 * Prefixed ids that sort in creation order: time (ms, base 36), a per-process counter, then randomness.
 * Rows created in the same millisecond — common under a frozen test clock, and in bursts — still list in the
 * order they were written, so "oldest first" never depends on chance.
 */
export function sortableId(prefix: string, now: Date): string {
  sequence = (sequence + 1) % SEQUENCE_SPAN;
  return `${prefix}_${now.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${pooledRandom(6)}`;
}
