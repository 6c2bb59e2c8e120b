/**
 * Every Okendo custom event, in the seed's order. The seed has 20 event sections but 19 distinct names:
 * "Opted In to Okendo Referrals" appears once per referral audience, so look events up with
 * `findEventType(name, audience)` rather than by name alone.
 */
import {
  ENROLLED_IN_OKENDO_LOYALTY,
  OKENDO_LOYALTY_POINTS_ADJUSTED,
  OKENDO_LOYALTY_POINTS_AWARDED,
  OKENDO_LOYALTY_POINTS_REDEEMED,
  OKENDO_LOYALTY_TIER_CHANGED,
  OKENDO_LOYALTY_TIER_UPGRADE_NUDGE,
} from './events/loyalty.js';
import { UPDATE_CUSTOMER_PROFILE } from './events/profile.js';
import { SUBMITTED_OKENDO_QUIZ } from './events/quiz.js';
import {
  OKENDO_REFERRAL_INVITATION,
  OKENDO_REFERRAL_REJECTED,
  OKENDO_REFERRAL_SHAREABLE_LINK_USED,
  OPTED_IN_TO_OKENDO_REFERRALS_RECIPIENT,
  OPTED_IN_TO_OKENDO_REFERRALS_REFERRER,
  RECEIVED_OKENDO_REFERRAL_COUPON,
  REDEEMED_OKENDO_REFERRAL_COUPON,
  SENT_OKENDO_REFERRAL,
} from './events/referrals.js';
import { REVIEW_REQUEST_CANCELLED, REVIEW_REQUEST_CREATED } from './events/review-requests.js';
import { REVIEW_CREATED } from './events/reviews.js';
import { SUBMITTED_OKENDO_SURVEY } from './events/survey.js';
import type { Audience, EventTypeDef } from './types.js';

export const EVENT_TYPES: readonly EventTypeDef[] = [
  REVIEW_CREATED,
  REVIEW_REQUEST_CREATED,
  SUBMITTED_OKENDO_QUIZ,
  RECEIVED_OKENDO_REFERRAL_COUPON,
  REDEEMED_OKENDO_REFERRAL_COUPON,
  OPTED_IN_TO_OKENDO_REFERRALS_REFERRER,
  OKENDO_REFERRAL_SHAREABLE_LINK_USED,
  OPTED_IN_TO_OKENDO_REFERRALS_RECIPIENT,
  SENT_OKENDO_REFERRAL,
  OKENDO_REFERRAL_INVITATION,
  OKENDO_REFERRAL_REJECTED,
  ENROLLED_IN_OKENDO_LOYALTY,
  OKENDO_LOYALTY_POINTS_AWARDED,
  OKENDO_LOYALTY_POINTS_REDEEMED,
  OKENDO_LOYALTY_TIER_CHANGED,
  OKENDO_LOYALTY_POINTS_ADJUSTED,
  OKENDO_LOYALTY_TIER_UPGRADE_NUDGE,
  SUBMITTED_OKENDO_SURVEY,
  REVIEW_REQUEST_CANCELLED,
  UPDATE_CUSTOMER_PROFILE,
];

/** The distinct wire names (`type` values), in first-appearance order. */
export const EVENT_TYPE_NAMES: readonly string[] = [...new Set(EVENT_TYPES.map((def) => def.name))];

/** Every definition sent under a wire name (two for "Opted In to Okendo Referrals", else one or none). */
export function eventTypesNamed(name: string): EventTypeDef[] {
  return EVENT_TYPES.filter((def) => def.name === name);
}

/**
 * The one definition for a wire name. Without `audience` an ambiguous name yields undefined rather than
 * silently picking one audience's property set; with it, only that audience's definition matches.
 */
export function findEventType(name: string, audience?: Audience): EventTypeDef | undefined {
  const named = eventTypesNamed(name);
  if (audience !== undefined) return named.find((def) => def.audience === audience);
  return named.length === 1 ? named[0] : undefined;
}

export function findEventTypeById(id: string): EventTypeDef | undefined {
  return EVENT_TYPES.find((def) => def.id === id);
}
