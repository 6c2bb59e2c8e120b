import { openMigratedDatabase, type DbConfig } from '@rapport/kit';
import { reviewsMigrations } from './migrations/index.js';
import type { ReviewsDatabase, ReviewsSchema } from './schema.js';

/** Opens the reviews platform's database (`reviews.db` in the data dir, or schema `<prefix>reviews`), migrated to the latest version. */
export function openReviewsDatabase(opts: Omit<DbConfig, 'name'>): Promise<ReviewsDatabase> {
  return openMigratedDatabase<ReviewsSchema>({ ...opts, name: 'reviews' }, reviewsMigrations);
}
