/** Loyalty events: enrolment, points earned/spent/adjusted, tier changes and upgrade nudges. */
import { requiredProp } from '../define.js';
import type { EventTypeDef } from '../types.js';
import { ACTIVITY_ID, DATE } from './common.js';

/**
 * Named after the seed heading. The seed's body calls it "Okendo Enrolled in Okendo Loyalty"; the heading
 * is what the other events' headings match (heading = name used in the body), so the heading wins. The
 * Description/Action texts are verbatim even though they talk about earning points.
 */
export const ENROLLED_IN_OKENDO_LOYALTY: EventTypeDef = {
  id: 'enrolled_in_okendo_loyalty',
  name: 'Enrolled in Okendo Loyalty',
  description:
    "When a customer's loyalty status changes, Okendo creates an Okendo Enrolled in Okendo Loyalty event with the following properties (but no other properties):",
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Description', 'string', 'A description of the action that earned the points.'),
    requiredProp('Action', 'string', 'The specific action that resulted in earning points.'),
  ],
  conditionalGroups: [],
};

export const OKENDO_LOYALTY_POINTS_AWARDED: EventTypeDef = {
  id: 'okendo_loyalty_points_awarded',
  name: 'Okendo Loyalty Points Awarded',
  description: 'When a customer earns loyalty points, Okendo creates an Okendo Loyalty Points Awarded event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Points Earned', 'number', 'The number of points earned by the customer.'),
    requiredProp('Description', 'string', 'A description of the action that earned the points.'),
    requiredProp('Action', 'string', 'The specific action that resulted in earning points.'),
  ],
  conditionalGroups: [],
};

export const OKENDO_LOYALTY_POINTS_REDEEMED: EventTypeDef = {
  id: 'okendo_loyalty_points_redeemed',
  name: 'Okendo Loyalty Points Redeemed',
  description:
    'When a customer redeems loyalty points, Okendo creates an Okendo Loyalty Points Redeemed event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Points Spent', 'number', 'The number of points spent by the customer.'),
    requiredProp('Description', 'string', 'A description of the redemption.'),
    // "any coupon associated" describes which coupon, not that one may be missing: redemptions yield a coupon.
    requiredProp('Coupon Code', 'string', 'The code for any coupon associated with the redemption.'),
    requiredProp('Coupon Description', 'string', 'A description of the coupon.'),
  ],
  conditionalGroups: [],
};

export const OKENDO_LOYALTY_TIER_CHANGED: EventTypeDef = {
  id: 'okendo_loyalty_tier_changed',
  name: 'Okendo Loyalty Tier Changed',
  description: "When a customer's loyalty tier changes, Okendo creates an Okendo Loyalty Tier Changed event with the following properties:",
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Old Tier', 'string', 'The previous tier of the customer.'),
    requiredProp('New Tier', 'string', 'The new tier of the customer.'),
    requiredProp('Earning Period End', 'date', 'The end date of the earning period for the new tier.'),
    requiredProp('Is Tier Upgrade', 'boolean', 'Indicates whether the change is an upgrade.'),
  ],
  conditionalGroups: [],
};

export const OKENDO_LOYALTY_POINTS_ADJUSTED: EventTypeDef = {
  id: 'okendo_loyalty_points_adjusted',
  name: 'Okendo Loyalty Points Adjusted',
  description:
    "When a customer's loyalty points are adjusted by a merchant, Okendo creates an Okendo Loyalty Points Adjusted event with the following properties:",
  properties: [
    ACTIVITY_ID,
    DATE,
    // Signed: a merchant adjustment can remove points.
    requiredProp('Adjusted Amount', 'number', 'The amount by which the points were adjusted.'),
    requiredProp('Adjusted Description', 'string', 'A description of the adjustment.'),
  ],
  conditionalGroups: [],
};

/** The eligibility period is either lifetime or a window, never both, hence the shared `choice`. */
export const OKENDO_LOYALTY_TIER_UPGRADE_NUDGE: EventTypeDef = {
  id: 'okendo_loyalty_tier_upgrade_nudge',
  name: 'Okendo Loyalty Tier Upgrade Nudge',
  description:
    'When a customer has reached 80% or more of the necessary spend required to reach the next loyalty tier, the customer is sent a nudge and Okendo creates an Okendo Loyalty Tier Upgrade Nudge event with the following properties:',
  properties: [
    requiredProp('Current Tier', 'string', 'The current loyalty tier of the customer before the upgrade.'),
    requiredProp('Next Tier', 'string', 'The next loyalty tier that the customer is being nudged to upgrade to.'),
    requiredProp('Spend To Upgrade Tier', 'number', 'The amount the customer needs to spend to reach the next tier.'),
  ],
  conditionalGroups: [
    {
      id: 'eligibility_lifetime',
      when: "If the eligibility period is 'lifetime'",
      choice: 'eligibility_period',
      properties: [requiredProp('All Time Spend', 'number', 'The total amount the customer has spent over their lifetime.')],
    },
    {
      id: 'eligibility_window',
      when: 'If the eligibility period is a specific time window',
      choice: 'eligibility_period',
      properties: [
        requiredProp('Spent Within Tier Upgrade Window', 'number', 'The amount spent by the customer within the current upgrade window.'),
        requiredProp('Tier Upgrade Window End Date', 'date', 'The end date of the current tier upgrade window.'),
      ],
    },
  ],
};
