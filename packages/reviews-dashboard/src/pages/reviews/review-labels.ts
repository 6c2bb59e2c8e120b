/** How a review's rating and sentiment read (pure, tested in test/review-labels.test.ts). */
import type { ReviewView } from '@rapport/reviews/schemas';

export type SentimentLabel = ReviewView['sentiment'];

export function sentimentBadge(sentiment: SentimentLabel): { label: string; color: string } {
  switch (sentiment) {
    case 'positive':
      return { label: 'Positive', color: 'green' };
    case 'negative':
      return { label: 'Negative', color: 'red' };
    case 'neutral':
      return { label: 'Neutral', color: 'gray' };
    case 'mixed':
      return { label: 'Mixed', color: 'orange' };
    default: {
      const never: never = sentiment;
      throw new Error(`unknown sentiment ${String(never)}`);
    }
  }
}

/** "★★★★☆" for the eye, "4 out of 5 stars" for a screen reader. */
export function stars(rating: number): { text: string; label: string } {
  const n = Math.max(0, Math.min(5, Math.round(rating)));
  return { text: '★'.repeat(n) + '☆'.repeat(5 - n), label: `${n} out of 5 stars` };
}

export const RATING_FILTER = [
  { value: '', label: 'All ratings' },
  ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} star${n === 1 ? '' : 's'}` })),
];

export const SENTIMENT_FILTER = [
  { value: '', label: 'All sentiments' },
  ...(['positive', 'negative', 'neutral', 'mixed'] as const).map((s) => ({ value: s, label: sentimentBadge(s).label })),
];

/** The list's query string from the filters (empty ones left out). */
export function reviewQuery(filter: { rating: string; sentiment: string; customerId?: string }, limit: number): string {
  const params = new URLSearchParams();
  if (filter.rating) params.set('rating', filter.rating);
  if (filter.sentiment) params.set('sentiment', filter.sentiment);
  if (filter.customerId) params.set('customer_id', filter.customerId);
  params.set('limit', String(limit));
  return params.toString();
}
