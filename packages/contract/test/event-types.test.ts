import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EVENT_TYPE_NAMES,
  EVENT_TYPES,
  PROPERTY_TYPES,
  eventTypesNamed,
  findEventType,
  findEventTypeById,
  eventTypeFor,
  postscriptSafeEventName,
  POSTSCRIPT_SAFE_EVENT_NAME,
  seedEventName,
  tagKey,
  wireEventName,
  type EventTypeDef,
} from '../src/index.js';

interface SeedEvent {
  id: string;
  name: string;
  properties: string[];
  groups: { when: string; properties: string[] }[];
}

/** Copied from the seed's "Okendo event types and properties" section: every event, in order, names verbatim. */
const SEED_EVENTS: SeedEvent[] = [
  {
    id: 'review_created',
    name: 'Review Created',
    properties: [
      'Bought For',
      'Coupon Code',
      'Coupon Description',
      'Is Recommended',
      'Language Code',
      'Loyalty Events',
      'Loyalty Points',
      'Loyalty Provider',
      'Next-Day Delivery',
      'Overall Sentiment',
      'Photo Count',
      'Product Name',
      'Product URL',
      'Rating',
      'Review Body',
      'Review Created Date',
      'Review Title',
      'Reviewer Country Code',
      'Reviewer Display Name',
      'Reviewer Full Name',
      'Reviewer Zone Code',
      'Source',
      'VariantID',
      'Video Count',
      'Variant Name',
      'ProductID',
      'SKU',
      'Okendo Average Review Rating',
      'Okendo Has Submitted Media',
      'Okendo Latest Review Rating',
      'Okendo Number of Reviews',
    ],
    groups: [],
  },
  {
    id: 'review_request_created',
    name: 'Review Request Created',
    properties: [
      'Email Address',
      'First Name',
      'Last Name',
      'Name',
      'Image Url',
      'Order Fulfilled Date',
      'Order Number',
      'Review Request Id',
      'Review Url',
      'Variant Name',
    ],
    groups: [],
  },
  {
    id: 'submitted_okendo_quiz',
    name: 'Submitted Okendo Quiz',
    properties: ['ActivityID', 'Date', 'Quiz Name', 'Quiz Response ID', 'Redirect URL', 'First Recommended Product ID'],
    groups: [],
  },
  {
    id: 'received_okendo_referral_coupon',
    name: 'Received Okendo Referral Coupon',
    properties: ['ActivityID', 'Date', 'Date Received', 'Customer Role', 'Coupon Code', 'Coupon Description', 'Coupon Expiry Date'],
    groups: [
      {
        when: 'If the coupon is redeemed',
        properties: ['Recipient Order Discount Amount', 'Recipient Order ID', 'Recipient Order Number', 'Recipient Order Total Price'],
      },
    ],
  },
  {
    id: 'redeemed_okendo_referral_coupon',
    name: 'Redeemed Okendo Referral Coupon',
    properties: [
      'ActivityID',
      'Date',
      'Date Redeemed',
      'Customer Role',
      'Locale',
      'Order Discount Amount',
      'Order ID',
      'Order Number',
      'Order Total Price',
    ],
    groups: [],
  },
  {
    id: 'opted_in_to_okendo_referrals_referrer',
    name: 'Opted In to Okendo Referrals',
    properties: ['ActivityID', 'Date', 'Date Opted-In', 'Customer Role', 'Locale', 'Invitation Link', 'Referrer Email', 'Referrer Name'],
    groups: [],
  },
  {
    id: 'okendo_referral_shareable_link_used',
    name: 'Okendo Referral Shareable Link Used',
    properties: [
      'ActivityID',
      'Date',
      'Date Opted-In',
      'Customer Role',
      'Recipient Email',
      'Recipient Full Name',
      'Verification URL',
      'Locale',
    ],
    groups: [],
  },
  {
    id: 'opted_in_to_okendo_referrals_recipient',
    name: 'Opted In to Okendo Referrals',
    properties: [
      'ActivityID',
      'Date',
      'Date Opted-In',
      'Locale',
      'Invitation Link',
      'Verification URL',
      'Recipient Email',
      'Recipient First Name',
      'Recipient Last Name',
    ],
    groups: [],
  },
  {
    id: 'sent_okendo_referral',
    name: 'Sent Okendo Referral',
    properties: [
      'ActivityID',
      'Date',
      'Date Sent',
      'Customer Role',
      'Invitation URL',
      'Locale',
      'Recipient Full Name',
      'Recipient Email',
      'Recipient First Name',
      'Recipient Last Name',
    ],
    groups: [],
  },
  {
    id: 'okendo_referral_invitation',
    name: 'Okendo Referral Invitation',
    properties: [
      'ActivityID',
      'Date',
      'Customer Role',
      'Date Sent',
      'Locale',
      'Recipient Email',
      'Recipient First Name',
      'Recipient Last Name',
      'Referrer First Name',
      'Referrer Last Name',
      'Invitation URL',
    ],
    groups: [],
  },
  {
    id: 'okendo_referral_rejected',
    name: 'Okendo Referral Rejected',
    properties: ['ActivityID', 'Date', 'Customer Role', 'Should Notify Customer', 'Rejection Reason', 'Email', 'Locale', 'Rejection Type'],
    groups: [],
  },
  {
    id: 'enrolled_in_okendo_loyalty',
    name: 'Enrolled in Okendo Loyalty',
    properties: ['ActivityID', 'Date', 'Description', 'Action'],
    groups: [],
  },
  {
    id: 'okendo_loyalty_points_awarded',
    name: 'Okendo Loyalty Points Awarded',
    properties: ['ActivityID', 'Date', 'Points Earned', 'Description', 'Action'],
    groups: [],
  },
  {
    id: 'okendo_loyalty_points_redeemed',
    name: 'Okendo Loyalty Points Redeemed',
    properties: ['ActivityID', 'Date', 'Points Spent', 'Description', 'Coupon Code', 'Coupon Description'],
    groups: [],
  },
  {
    id: 'okendo_loyalty_tier_changed',
    name: 'Okendo Loyalty Tier Changed',
    properties: ['ActivityID', 'Date', 'Old Tier', 'New Tier', 'Earning Period End', 'Is Tier Upgrade'],
    groups: [],
  },
  {
    id: 'okendo_loyalty_points_adjusted',
    name: 'Okendo Loyalty Points Adjusted',
    properties: ['ActivityID', 'Date', 'Adjusted Amount', 'Adjusted Description'],
    groups: [],
  },
  {
    id: 'okendo_loyalty_tier_upgrade_nudge',
    name: 'Okendo Loyalty Tier Upgrade Nudge',
    properties: ['Current Tier', 'Next Tier', 'Spend To Upgrade Tier'],
    groups: [
      { when: "If the eligibility period is 'lifetime'", properties: ['All Time Spend'] },
      {
        when: 'If the eligibility period is a specific time window',
        properties: ['Spent Within Tier Upgrade Window', 'Tier Upgrade Window End Date'],
      },
    ],
  },
  {
    id: 'submitted_okendo_survey',
    name: 'Submitted Okendo Survey',
    properties: ['Survey Name', 'Email Address', 'First Name', 'Last Name'],
    groups: [
      { when: 'If rewardType is "coupon"', properties: ['Coupon Description', 'Coupon Code'] },
      { when: 'If rewardType is "loyalty"', properties: ['Loyalty Events', 'Loyalty Points', 'Loyalty Provider'] },
    ],
  },
  {
    id: 'review_request_cancelled',
    name: 'Review Request Cancelled',
    properties: ['Review Request Id'],
    groups: [],
  },
  {
    id: 'update_customer_profile',
    name: 'Update Customer Profile',
    properties: [],
    groups: [],
  },
];

function def(id: string): EventTypeDef {
  const found = findEventTypeById(id);
  assert.ok(found, `no event type ${id}`);
  return found;
}

function requiredNames(event: EventTypeDef): string[] {
  return event.properties.filter((prop) => prop.required).map((prop) => prop.name);
}

describe('event type catalog', () => {
  it('has the seed’s 20 event sections in order, under 19 distinct wire names', () => {
    assert.equal(EVENT_TYPES.length, 20);
    assert.deepEqual(
      EVENT_TYPES.map((event) => event.name),
      SEED_EVENTS.map((event) => event.name),
    );
    assert.equal(EVENT_TYPE_NAMES.length, 19);
    assert.deepEqual(EVENT_TYPE_NAMES, [...new Set(SEED_EVENTS.map((event) => event.name))]);
  });

  it('gives every definition a unique snake_case id', () => {
    const ids = EVENT_TYPES.map((event) => event.id);
    assert.deepEqual(
      ids,
      SEED_EVENTS.map((event) => event.id),
    );
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(_[a-z0-9]+)*$/);
  });

  for (const seed of SEED_EVENTS) {
    it(`${seed.id}: property and conditional-group names are the seed's, verbatim and in order`, () => {
      const event = def(seed.id);
      assert.equal(event.name, seed.name);
      assert.deepEqual(
        event.properties.map((prop) => prop.name),
        seed.properties,
      );
      assert.deepEqual(
        event.conditionalGroups.map((group) => ({ when: group.when, properties: group.properties.map((prop) => prop.name) })),
        seed.groups,
      );
    });
  }

  it('keys every property with tagKey(name), unique within its event, and uses only known types', () => {
    for (const event of EVENT_TYPES) {
      const all = [...event.properties, ...event.conditionalGroups.flatMap((group) => group.properties)];
      assert.equal(new Set(all.map((prop) => prop.name)).size, all.length, event.id);
      assert.equal(new Set(all.map((prop) => prop.key)).size, all.length, event.id);
      for (const prop of all) {
        assert.equal(prop.key, tagKey(prop.name));
        assert.ok(PROPERTY_TYPES.includes(prop.type), `${event.id}: ${prop.name}`);
      }
    }
  });

  it('keeps seed descriptions verbatim, typos included', () => {
    assert.equal(
      def('review_request_created').description,
      'When a fulfilled order meets review recruitment requiremends, Okena creates a review request with the following properties:',
    );
    assert.equal(
      def('review_created').properties.find((prop) => prop.name === 'Is Recommended')?.description,
      'Does the reviewer recommend the product (Yes/N)',
    );
    assert.equal(
      def('review_request_created').properties.find((prop) => prop.name === 'Variant Name')?.description,
      'The name of the product variant (if any) on the order.',
    );
  });
});

describe('required flags', () => {
  it('Review Created requires only the 14 core properties', () => {
    assert.deepEqual(requiredNames(def('review_created')), [
      'Is Recommended',
      'Overall Sentiment',
      'Photo Count',
      'Product Name',
      'Rating',
      'Review Body',
      'Review Created Date',
      'Reviewer Display Name',
      'Video Count',
      'ProductID',
      'Okendo Average Review Rating',
      'Okendo Has Submitted Media',
      'Okendo Latest Review Rating',
      'Okendo Number of Reviews',
    ]);
  });

  it('Review Request Created requires all but the "(if any)" Variant Name', () => {
    const event = def('review_request_created');
    assert.deepEqual(
      event.properties.filter((prop) => !prop.required).map((prop) => prop.name),
      ['Variant Name'],
    );
  });

  it('marks "if present" / "if applicable" / "if any" properties optional and everything else required (outside Review Created)', () => {
    for (const event of EVENT_TYPES.filter((candidate) => candidate.id !== 'review_created')) {
      const all = [...event.properties, ...event.conditionalGroups.flatMap((group) => group.properties)];
      for (const prop of all) {
        const optionalBySeed = /if present|if applicable|\(if any\)/.test(prop.description);
        assert.equal(prop.required, !optionalBySeed, `${event.id}: ${prop.name}`);
      }
    }
  });

  const typeCases: { eventId: string; property: string; type: string }[] = [
    { eventId: 'review_created', property: 'Rating', type: 'number' },
    { eventId: 'review_created', property: 'Review Created Date', type: 'date' },
    { eventId: 'review_created', property: 'Product URL', type: 'url' },
    { eventId: 'review_created', property: 'Next-Day Delivery', type: 'boolean' },
    { eventId: 'review_created', property: 'Is Recommended', type: 'boolean' },
    { eventId: 'review_created', property: 'Overall Sentiment', type: 'string' },
    { eventId: 'review_created', property: 'Loyalty Events', type: 'list' },
    { eventId: 'review_request_created', property: 'Email Address', type: 'email' },
    { eventId: 'review_request_created', property: 'Review Url', type: 'url' },
    { eventId: 'review_request_created', property: 'Order Fulfilled Date', type: 'date' },
    { eventId: 'opted_in_to_okendo_referrals_referrer', property: 'Referrer Email', type: 'email' },
    { eventId: 'okendo_referral_rejected', property: 'Should Notify Customer', type: 'boolean' },
    { eventId: 'okendo_loyalty_points_awarded', property: 'Points Earned', type: 'number' },
    { eventId: 'okendo_loyalty_tier_changed', property: 'Is Tier Upgrade', type: 'boolean' },
  ];
  for (const { eventId, property, type } of typeCases) {
    it(`${eventId}: "${property}" is ${type}`, () => {
      assert.equal(def(eventId).properties.find((prop) => prop.name === property)?.type, type);
    });
  }
});

describe('conditional groups and open properties', () => {
  it('nudge: lifetime and window groups are alternatives of one choice', () => {
    const groups = def('okendo_loyalty_tier_upgrade_nudge').conditionalGroups;
    assert.deepEqual(
      groups.map((group) => [group.id, group.choice]),
      [
        ['eligibility_lifetime', 'eligibility_period'],
        ['eligibility_window', 'eligibility_period'],
      ],
    );
  });

  it('survey: coupon and loyalty reward groups are alternatives; Q&A arrive as open properties', () => {
    const survey = def('submitted_okendo_survey');
    assert.deepEqual(
      survey.conditionalGroups.map((group) => [group.id, group.choice]),
      [
        ['reward_coupon', 'reward_type'],
        ['reward_loyalty', 'reward_type'],
      ],
    );
    assert.equal(
      survey.openProperties?.description,
      'Additional properties containing questions from the survey and the corresponding answers provided by the customer.',
    );
    assert.ok(!survey.properties.some((prop) => prop.name === 'Survey Questions and Answers'));
  });

  it('only Review Created and Submitted Okendo Survey accept open properties', () => {
    assert.deepEqual(
      EVENT_TYPES.filter((event) => event.openProperties).map((event) => event.id),
      ['review_created', 'submitted_okendo_survey'],
    );
    assert.equal(
      def('review_created').openProperties?.description,
      'Attributes captured in the review may also be passed to Postscript as event properties',
    );
  });

  it('Update Customer Profile carries nothing', () => {
    const event = def('update_customer_profile');
    assert.equal(event.properties.length, 0);
    assert.equal(event.conditionalGroups.length, 0);
    assert.equal(event.openProperties, undefined);
  });
});

describe('lookup', () => {
  it('tells the two "Opted In to Okendo Referrals" audiences apart', () => {
    assert.equal(eventTypesNamed('Opted In to Okendo Referrals').length, 2);
    assert.equal(findEventType('Opted In to Okendo Referrals', 'referrer')?.id, 'opted_in_to_okendo_referrals_referrer');
    assert.equal(findEventType('Opted In to Okendo Referrals', 'recipient')?.id, 'opted_in_to_okendo_referrals_recipient');
    // Ambiguous without an audience: no silent pick.
    assert.equal(findEventType('Opted In to Okendo Referrals'), undefined);
  });

  const cases: { name: string; audience: 'referrer' | 'recipient' | undefined; id: string | undefined }[] = [
    { name: 'Review Request Created', audience: undefined, id: 'review_request_created' },
    { name: 'Enrolled in Okendo Loyalty', audience: undefined, id: 'enrolled_in_okendo_loyalty' },
    { name: 'Okendo Enrolled in Okendo Loyalty', audience: undefined, id: undefined },
    { name: 'review request created', audience: undefined, id: undefined },
    { name: 'Review Request Created', audience: 'referrer', id: undefined },
    { name: 'Nope', audience: undefined, id: undefined },
  ];
  for (const { name, audience, id } of cases) {
    it(`findEventType(${JSON.stringify(name)}, ${audience}) → ${id}`, () => {
      assert.equal(findEventType(name, audience)?.id, id);
    });
  }
});

describe('event names on the wire', () => {
  const cases: { seed: string; safe: string }[] = EVENT_TYPE_NAMES.map((seed) => ({ seed, safe: tagKey(seed) }));
  it('every catalog name has one distinct Postscript-safe form, and it maps back', () => {
    assert.equal(new Set(cases.map((c) => c.safe)).size, EVENT_TYPE_NAMES.length);
    for (const c of cases) {
      assert.match(postscriptSafeEventName(c.seed), POSTSCRIPT_SAFE_EVENT_NAME);
      assert.equal(postscriptSafeEventName(c.seed), c.safe);
      assert.equal(seedEventName(c.safe), c.seed);
      assert.equal(seedEventName(c.safe.toUpperCase()), c.seed);
      assert.equal(seedEventName(c.seed), c.seed);
      assert.equal(wireEventName(c.seed, 'seed'), c.seed);
      assert.equal(wireEventName(c.seed, 'postscript_safe'), c.safe);
    }
    assert.equal(postscriptSafeEventName('Review Created'), 'review_created');
    assert.equal(seedEventName('okendo_loyalty_points_awarded'), 'Okendo Loyalty Points Awarded');
  });

  it('a name outside the catalog passes through unchanged both ways', () => {
    assert.equal(seedEventName('checkout_started'), 'checkout_started');
    assert.equal(seedEventName('Bought A Hat'), 'Bought A Hat');
    assert.equal(postscriptSafeEventName('checkout_started'), 'checkout_started');
  });

  const variants: { name: string; properties: Record<string, unknown>; id: string | undefined }[] = [
    { name: 'Opted In to Okendo Referrals', properties: { 'Customer Role': 'referrer' }, id: 'opted_in_to_okendo_referrals_referrer' },
    { name: 'opted_in_to_okendo_referrals', properties: { 'Customer Role': 'Referrer ' }, id: 'opted_in_to_okendo_referrals_referrer' },
    { name: 'Opted In to Okendo Referrals', properties: { 'Recipient Email': 'a@b.co' }, id: 'opted_in_to_okendo_referrals_recipient' },
    { name: 'Opted In to Okendo Referrals', properties: { 'Customer Role': 'recipient' }, id: 'opted_in_to_okendo_referrals_recipient' },
    { name: 'Opted In to Okendo Referrals', properties: { 'Customer Role': 'someone' }, id: undefined },
    { name: 'review_created', properties: {}, id: 'review_created' },
    { name: 'Not An Okendo Event', properties: {}, id: undefined },
  ];
  for (const v of variants) {
    it(`eventTypeFor(${v.name}, ${JSON.stringify(v.properties)}) → ${v.id ?? 'none'}`, () => {
      assert.equal(eventTypeFor(v.name, v.properties)?.id, v.id);
    });
  }
});
