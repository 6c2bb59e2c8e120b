/**
 * Builders of what the reviews platform tells Postscript, property names verbatim from the seed (the
 * contract catalog). Pure: inputs are plain values, outputs are property maps that `outbox.ts` validates
 * against the catalog before anything is written.
 */
import { OKENDO_REVIEW_REQUEST_TRIGGER } from '@rapport/contract';
import type { Sentiment } from '../../db/schema.js';

export const REVIEW_REQUEST_CREATED = 'Review Request Created';
export const REVIEW_REQUEST_CANCELLED = 'Review Request Cancelled';
export const REVIEW_CREATED = 'Review Created';

type Props = Record<string, string | number | boolean>;

/** Drops absent optional values: an unknown property is left out, never sent as "" or null. */
function compact(entries: Record<string, string | number | boolean | null | undefined>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(entries)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}

export interface ReviewRequestCreatedInput {
  reviewRequestId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The first product of the order (an order-level request covers them all; the event has one Name). */
  productName: string;
  imageUrl: string;
  fulfilledAt: Date;
  orderNumber: string;
  reviewUrl: string;
  variantName: string | null;
}

/**
 * "Review Request Created". First/Last Name are required by the catalog; when the order has no name they
 * are sent as "" (a merge tag with no value), which the catalog's string type allows. A missing email
 * address cannot be papered over: the event then fails validation and its outbox row is recorded as
 * skipped (`invalid_properties`), while the trigger fire still goes out.
 */
export function reviewRequestCreatedProperties(i: ReviewRequestCreatedInput): Props {
  return {
    ...compact({ 'Email Address': i.email }),
    'First Name': i.firstName ?? '',
    'Last Name': i.lastName ?? '',
    Name: i.productName,
    'Image Url': i.imageUrl,
    'Order Fulfilled Date': i.fulfilledAt.toISOString(),
    'Order Number': i.orderNumber,
    'Review Request Id': i.reviewRequestId,
    'Review Url': i.reviewUrl,
    ...compact({ 'Variant Name': i.variantName }),
  };
}

/** Values for the legacy "Okendo Review Request" trigger's merge tags, keyed by tag key ({review_url} …). */
export function reviewRequestTriggerTags(properties: Props): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of OKENDO_REVIEW_REQUEST_TRIGGER.tags) {
    const value = properties[tag.label];
    tags[tag.key] = value === undefined ? '' : String(value);
  }
  return tags;
}

export function reviewRequestCancelledProperties(reviewRequestId: string): Props {
  return { 'Review Request Id': reviewRequestId };
}

export interface CustomerReviewStats {
  count: number;
  averageRating: number;
  latestRating: number;
  averageSentiment: Sentiment;
  latestSentiment: Sentiment;
  hasMedia: boolean;
}

export interface ReviewCreatedInput {
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
  createdAt: Date;
  reviewerDisplayName: string;
  reviewerFullName: string | null;
  countryCode: string | null;
  zoneCode: string | null;
  languageCode: string;
  source: string;
  stats: CustomerReviewStats;
}

/** "Review Created" with what is known when the review is submitted (no coupons or loyalty yet). */
export function reviewCreatedProperties(i: ReviewCreatedInput): Props {
  return compact({
    Rating: i.rating,
    'Review Title': i.title,
    'Review Body': i.body,
    'Product Name': i.productName,
    ProductID: i.productId,
    'Product URL': i.productUrl,
    'Variant Name': i.variantName,
    VariantID: i.variantId,
    SKU: i.sku,
    'Is Recommended': i.isRecommended,
    'Overall Sentiment': i.sentiment,
    'Photo Count': i.photoCount,
    'Video Count': i.videoCount,
    'Review Created Date': i.createdAt.toISOString(),
    'Reviewer Display Name': i.reviewerDisplayName,
    'Reviewer Full Name': i.reviewerFullName,
    'Reviewer Country Code': i.countryCode,
    'Reviewer Zone Code': i.zoneCode,
    'Language Code': i.languageCode,
    Source: i.source,
    'Okendo Number of Reviews': i.stats.count,
    'Okendo Average Review Rating': i.stats.averageRating,
    'Okendo Latest Review Rating': i.stats.latestRating,
    'Okendo Has Submitted Media': i.stats.hasMedia,
  });
}

/** The review-derived Okendo profile properties, patched onto the subscriber. */
export function reviewProfileProperties(i: { firstName: string | null; lastName: string | null; stats: CustomerReviewStats }): Props {
  return compact({
    'Okendo Given Name': i.firstName,
    'Okendo Family Name': i.lastName,
    'Okendo Number of Reviews': i.stats.count,
    'Okendo Average Review Rating': i.stats.averageRating,
    'Okendo Latest Review Rating': i.stats.latestRating,
    'Okendo Average Review Sentiment': i.stats.averageSentiment,
    'Okendo Latest Review Sentiment': i.stats.latestSentiment,
  });
}
