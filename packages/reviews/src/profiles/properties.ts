/**
 * The 22 Okendo customer profile properties (contract `PROFILE_PROPERTIES`), computed from what the reviews
 * platform knows of a customer. Pure: `inputs.ts` reads the inputs, the Postscript integration pushes the
 * result. A property with no value yet (no review, no survey, not in a programme) is left out rather than
 * sent empty, so a segment such as "Okendo Latest NPS exists" means what it says.
 *
 * The loyalty and referral properties (11 of the 22) have their inputs once those programmes exist; until
 * then `loyalty` and `referrals` are absent and so are their properties.
 */
import type { Sentiment } from '../db/schema.js';
import { customerReviewStats, type ReviewFacts } from '../reviews/customer-stats.js';

export type ProfileValue = string | number | boolean;
export type ProfileValues = Record<string, ProfileValue>;

export interface NpsResponse {
  score: number;
  category: string;
  createdAt: string;
}

export interface LoyaltyFacts {
  enrolledAt: string;
  nextBirthday: string | null;
  pointsBalance: number;
  pointsExpireAt: string | null;
  status: string;
  vipTier: string | null;
  vipTierExpiresAt: string | null;
}

export interface ReferralFacts {
  shareableLink: string | null;
  successfulCount: number;
  latestSuccessAt: string | null;
  totalRevenue: number;
}

export interface ProfileInputs {
  firstName: string | null;
  lastName: string | null;
  reviews: readonly ReviewFacts[];
  /** Every survey response of the customer, NPS or not. */
  surveyResponseCount: number;
  /** The customer's NPS answers (responses to surveys with an NPS question). */
  nps: readonly NpsResponse[];
  loyalty?: LoyaltyFacts | undefined;
  referrals?: ReferralFacts | undefined;
}

function put(out: ProfileValues, name: string, value: ProfileValue | null | undefined): void {
  if (value !== null && value !== undefined && value !== '') out[name] = value;
}

/** The latest of `items` by `createdAt` (ties: the last given). */
function latest<T extends { createdAt: string }>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || Date.parse(item.createdAt) >= Date.parse(best.createdAt)) best = item;
  return best;
}

const isoDate = (at: string): string => new Date(at).toISOString();

export function okendoProfile(inputs: ProfileInputs): ProfileValues {
  const out: ProfileValues = {};
  put(out, 'Okendo Given Name', inputs.firstName);
  put(out, 'Okendo Family Name', inputs.lastName);

  if (inputs.reviews.length > 0) {
    const stats = customerReviewStats([...inputs.reviews]);
    put(out, 'Okendo Average Review Rating', stats.averageRating);
    put(out, 'Okendo Average Review Sentiment', stats.averageSentiment satisfies Sentiment);
    put(out, 'Okendo Latest Review Rating', stats.latestRating);
    put(out, 'Okendo Latest Review Sentiment', stats.latestSentiment);
    put(out, 'Okendo Number of Reviews', stats.count);
  }

  const nps = latest(inputs.nps);
  if (nps) {
    put(out, 'Okendo Latest NPS', nps.score);
    put(out, 'Okendo Latest NPS Category', nps.category);
    put(out, 'Okendo Latest NPS Date', isoDate(nps.createdAt));
  }
  if (inputs.surveyResponseCount > 0) put(out, 'Okendo Number of Survey Responses', inputs.surveyResponseCount);

  const r = inputs.referrals;
  if (r) {
    put(out, 'Okendo Referral Shareable Link', r.shareableLink);
    put(out, 'Okendo Number of Successful Referrals', r.successfulCount);
    if (r.latestSuccessAt) put(out, 'Okendo Latest Successful Referral Date', isoDate(r.latestSuccessAt));
    put(out, 'Okendo Total Successful Referral Revenue', Math.round(r.totalRevenue * 100) / 100);
  }

  const l = inputs.loyalty;
  if (l) {
    put(out, 'Okendo Loyalty Enrolment Date', isoDate(l.enrolledAt));
    if (l.nextBirthday) put(out, 'Okendo Loyalty Next Birthday Date', isoDate(l.nextBirthday));
    put(out, 'Okendo Loyalty Points Balance', l.pointsBalance);
    if (l.pointsExpireAt) put(out, 'Okendo Loyalty Points Expiry Date', isoDate(l.pointsExpireAt));
    put(out, 'Okendo Loyalty Program Status', l.status);
    put(out, 'Okendo Loyalty VIP Tier', l.vipTier);
    if (l.vipTierExpiresAt) put(out, 'Okendo Loyalty VIP Tier Expiry Date', isoDate(l.vipTierExpiresAt));
  }
  return out;
}

/**
 * What a patch must carry to bring `known` (what Postscript was last told) to `wanted`: the properties
 * whose value is new or different. A property that lost its value is not cleared (Okendo's properties only
 * ever gain values in practice; a redacted customer's data is erased on the reviews side).
 */
export function profileChanges(known: Readonly<ProfileValues>, wanted: Readonly<ProfileValues>): ProfileValues {
  const out: ProfileValues = {};
  for (const [name, value] of Object.entries(wanted)) if (known[name] !== value) out[name] = value;
  return out;
}
