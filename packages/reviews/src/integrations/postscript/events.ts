/**
 * Builders of what the reviews platform tells Postscript, property names verbatim from the seed (the
 * contract catalog). Pure: inputs are the domain's activities, outputs are property maps that `outbox.ts`
 * validates against the catalog before anything is written.
 */
import { OKENDO_REVIEW_REQUEST_TRIGGER, sequenceWaitTags, type DeclaredWait } from '@rapport/contract';
import type { ReviewCreated, ReviewRequestSent } from '../../activity/types.js';

export const REVIEW_REQUEST_CREATED = 'Review Request Created';
export const REVIEW_REQUEST_CANCELLED = 'Review Request Cancelled';
export const REVIEW_CREATED = 'Review Created';
export const UPDATE_CUSTOMER_PROFILE = 'Update Customer Profile';

type Props = Record<string, string | number | boolean>;

/** Drops absent optional values: an unknown property is left out, never sent as "" or null. */
function compact(entries: Record<string, string | number | boolean | null | undefined>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(entries)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}

/**
 * "Review Request Created". First/Last Name are required by the catalog; when the order has no name they
 * are sent as "" (a merge tag with no value), which the catalog's string type allows. A missing email
 * address cannot be papered over: the event then fails validation and its outbox row is recorded as
 * skipped (`invalid_properties`), while the trigger fire still goes out.
 */
export function reviewRequestCreatedProperties(a: ReviewRequestSent): Props {
  return {
    ...compact({ 'Email Address': a.email }),
    'First Name': a.firstName ?? '',
    'Last Name': a.lastName ?? '',
    Name: a.productName,
    'Image Url': a.imageUrl,
    'Order Fulfilled Date': new Date(a.fulfilledAt).toISOString(),
    'Order Number': a.orderNumber,
    'Review Request Id': a.reviewRequestId,
    'Review Url': a.reviewUrl,
    ...compact({ 'Variant Name': a.variantName }),
  };
}

/**
 * Values for the legacy "Okendo Review Request" trigger's merge tags, keyed by tag key ({review_url} …),
 * plus the sequence's Wait the request came through (contract `SEQUENCE_WAIT_TAGS`), so the SMS side can
 * warn a merchant who adds a delay on top.
 */
export function reviewRequestTriggerTags(properties: Props, wait: DeclaredWait): Record<string, string> {
  const tags: Record<string, string> = sequenceWaitTags(wait);
  for (const tag of OKENDO_REVIEW_REQUEST_TRIGGER.tags) {
    const value = properties[tag.label];
    tags[tag.key] = value === undefined ? '' : String(value);
  }
  return tags;
}

export function reviewRequestCancelledProperties(reviewRequestId: string): Props {
  return { 'Review Request Id': reviewRequestId };
}

/** "Review Created" with what is known when the review is submitted (no coupons or loyalty yet). */
export function reviewCreatedProperties(a: ReviewCreated): Props {
  return compact({
    Rating: a.rating,
    'Review Title': a.title,
    'Review Body': a.body,
    'Product Name': a.productName,
    ProductID: a.productId,
    'Product URL': a.productUrl,
    'Variant Name': a.variantName,
    VariantID: a.variantId,
    SKU: a.sku,
    'Is Recommended': a.isRecommended,
    'Overall Sentiment': a.sentiment,
    'Photo Count': a.photoCount,
    'Video Count': a.videoCount,
    'Review Created Date': a.createdAt,
    'Reviewer Display Name': a.reviewerDisplayName,
    'Reviewer Full Name': a.reviewerFullName,
    'Reviewer Country Code': a.countryCode,
    'Reviewer Zone Code': a.zoneCode,
    'Language Code': a.languageCode,
    Source: a.source,
    'Okendo Number of Reviews': a.stats.count,
    'Okendo Average Review Rating': a.stats.averageRating,
    'Okendo Latest Review Rating': a.stats.latestRating,
    'Okendo Has Submitted Media': a.stats.hasMedia,
  });
}
