/**
 * What the reviews platform's domains record as having happened, in their own terms (no Postscript, no
 * Okendo event names): one variant per kind of fact, each with what an integration needs to act on it.
 * `integrations/postscript/` alone turns these into Postscript calls (integrations/postscript/activities.ts);
 * no domain imports an integration.
 */
import type { SequenceAnchor } from '../db/schema.js';
import type { CustomerReviewStats } from '../reviews/customer-stats.js';
import type { Sentiment } from '../db/schema.js';

interface ActivityBase {
  storeId: string;
  customerId: string;
}

/** The end of a sequence's Wait: the request went out (review links for every product of the order). */
export interface ReviewRequestSent extends ActivityBase {
  type: 'review_request.sent';
  reviewRequestId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The order's first reviewable product (the request covers them all). */
  productName: string;
  variantName: string | null;
  imageUrl: string;
  fulfilledAt: string;
  orderNumber: string;
  reviewUrl: string;
  /** The sequence's Wait that led here, declared to Postscript with the trigger (the double-wait caution). */
  sequenceWait: { days: number; after: SequenceAnchor };
}

/** A scheduled request was withdrawn: the order was cancelled or refunded, or the merchant stopped the sequence. */
export interface ReviewRequestCancelled extends ActivityBase {
  type: 'review_request.cancelled';
  reviewRequestId: string;
  reason: 'cancelled' | 'refunded' | 'sequence_stopped';
}

/** A review was submitted; `stats` are the customer's review aggregates including it. */
export interface ReviewCreated extends ActivityBase {
  type: 'review.created';
  reviewId: string;
  rating: number;
  title: string | null;
  body: string;
  productName: string;
  productId: string;
  productUrl: string | null;
  variantName: string | null;
  variantId: string | null;
  sku: string | null;
  isRecommended: boolean;
  sentiment: Sentiment;
  photoCount: number;
  videoCount: number;
  createdAt: string;
  reviewerDisplayName: string;
  reviewerFullName: string | null;
  countryCode: string | null;
  zoneCode: string | null;
  languageCode: string;
  source: string;
  customerFirstName: string | null;
  customerLastName: string | null;
  stats: CustomerReviewStats;
}

export type Activity = ReviewRequestSent | ReviewRequestCancelled | ReviewCreated;
export type ActivityType = Activity['type'];

/** An activity as stored: its id is the "ActivityID" Okendo events carry. */
export type RecordedActivity = Activity & { id: string; occurredAt: string };
