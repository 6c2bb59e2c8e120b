import { migrateToLatest, openDatabase, type Database } from '@rapport/kit';
import { reviewsMigrations } from './migrations/index.js';
import type { ReviewsSchema } from './schema.js';

export type ReviewsDatabase = Database<ReviewsSchema>;

/** Opens the reviews platform's database (SQLite file `reviews.db`, or PostgreSQL schema `reviews`) and migrates it. */
export async function openReviewsDatabase(opts: {
  dataDir?: string;
  databaseUrl?: string;
  schemaPrefix?: string;
}): Promise<ReviewsDatabase> {
  const database = await openDatabase<ReviewsSchema>({
    name: 'reviews',
    ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
    ...(opts.databaseUrl !== undefined ? { databaseUrl: opts.databaseUrl } : {}),
    ...(opts.schemaPrefix !== undefined ? { schemaPrefix: opts.schemaPrefix } : {}),
  });
  try {
    await migrateToLatest(database, reviewsMigrations);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
