/** A customer's review aggregates, as Okendo sends them on "Review Created" and as profile properties. Pure. */
import type { Sentiment } from '../db/schema.js';
import { averageSentiment } from './sentiment.js';

export interface CustomerReviewStats {
  count: number;
  averageRating: number;
  latestRating: number;
  averageSentiment: Sentiment;
  latestSentiment: Sentiment;
  hasMedia: boolean;
}

export interface ReviewFacts {
  rating: number;
  sentiment: Sentiment;
  photoCount: number;
  videoCount: number;
  createdAt: string;
}

/** `reviews` in any order; the latest is the most recently created (ties: the last given). */
export function customerReviewStats(reviews: ReviewFacts[]): CustomerReviewStats {
  if (reviews.length === 0) throw new Error('customerReviewStats needs at least one review');
  let latest = reviews[0] as ReviewFacts;
  for (const r of reviews) if (Date.parse(r.createdAt) >= Date.parse(latest.createdAt)) latest = r;
  const average = reviews.reduce((sum, r) => sum + r.rating, 0) / reviews.length;
  return {
    count: reviews.length,
    averageRating: Math.round(average * 100) / 100,
    latestRating: latest.rating,
    averageSentiment: averageSentiment(reviews.map((r) => r.sentiment)),
    latestSentiment: latest.sentiment,
    hasMedia: reviews.some((r) => r.photoCount + r.videoCount > 0),
  };
}
