import { randomBytes } from 'node:crypto';

/**
 * Prefixed opaque ids in Postscript's style (`s_…`, `shop_…`, `kw_…`): the prefix tells a
 * reader (and a support engineer reading logs) what kind of object an id names.
 */
export function newId(prefix: string, bytes = 12): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

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
  return `${prefix}_${now.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomToken(6)}`;
}
