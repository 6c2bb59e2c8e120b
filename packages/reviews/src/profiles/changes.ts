/**
 * Which recorded facts change a customer's profile inputs, so the Postscript integration knows when to
 * recompute and push the properties. Pure; every activity type is listed, so a new one must decide.
 */
import type { ActivityType } from '../activity/types.js';

const FEEDS_PROFILE: Record<ActivityType, boolean> = {
  'review_request.sent': false,
  'review_request.cancelled': false,
  'review.created': true,
};

export function changesProfile(type: ActivityType): boolean {
  return FEEDS_PROFILE[type];
}
