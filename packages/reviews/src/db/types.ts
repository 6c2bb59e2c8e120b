import type { JobsSchema } from '@rapport/kit';
import type { Kysely, Transaction } from 'kysely';
import type { ReviewsSchema } from './schema.js';

/** A connection or an open transaction: domain functions take either, so callers decide the transaction. */
export type Db = Kysely<ReviewsSchema> | Transaction<ReviewsSchema>;

/**
 * The same connection seen as kit's jobs schema: `enqueue`/`cancelJob` take `Kysely<JobsSchema>`, and
 * Kysely's generics are invariant, so a transaction over the wider schema needs this (sound) widening.
 */
export const asJobsDb = (db: Db): Kysely<JobsSchema> => db as unknown as Kysely<JobsSchema>;
