import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EVENT_TYPES,
  findEventType,
  findEventTypeById,
  validateEventProperties,
  validateProfileProperties,
  type EventTypeDef,
  type ValidationError,
} from '../src/index.js';
import { NUDGE_PAYLOAD, REVIEW_CREATED_PAYLOAD, REVIEW_REQUEST_CREATED_PAYLOAD, SURVEY_PAYLOAD } from './fixtures.js';

function def(id: string): EventTypeDef {
  const found = findEventTypeById(id);
  assert.ok(found, id);
  return found;
}

function errorsOf(event: EventTypeDef, properties: Record<string, unknown>): ValidationError[] {
  const result = validateEventProperties(event, properties);
  return result.ok ? [] : result.errors;
}

const without = (payload: Record<string, unknown>, name: string) =>
  Object.fromEntries(Object.entries(payload).filter(([key]) => key !== name));

interface Scenario {
  title: string;
  event: string;
  properties: Record<string, unknown>;
  /** Expected error paths; empty means the payload is accepted. */
  paths: string[];
  /** Substring each error message must contain, when given. */
  message?: string;
}

const SCENARIOS: Scenario[] = [
  // Review Request Created
  { title: 'accepts a complete review request', event: 'review_request_created', properties: REVIEW_REQUEST_CREATED_PAYLOAD, paths: [] },
  {
    title: 'accepts a review request without the optional Variant Name',
    event: 'review_request_created',
    properties: without(REVIEW_REQUEST_CREATED_PAYLOAD, 'Variant Name'),
    paths: [],
  },
  {
    title: 'accepts null for the optional Variant Name',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Variant Name': null },
    paths: [],
  },
  {
    title: 'accepts a date-only fulfilled date and an offset date-time',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Order Fulfilled Date': '2024-05-01T09:30:00.123+10:00' },
    paths: [],
  },
  {
    title: 'rejects a missing required Review Url',
    event: 'review_request_created',
    properties: without(REVIEW_REQUEST_CREATED_PAYLOAD, 'Review Url'),
    paths: ['/Review Url'],
    message: 'is required',
  },
  {
    title: 'rejects null for a required property',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Review Request Id': null },
    paths: ['/Review Request Id'],
    message: 'must be a string',
  },
  {
    title: 'rejects a relative Review Url',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Review Url': '/reviews/new' },
    paths: ['/Review Url'],
    message: 'absolute http(s) URL',
  },
  {
    title: 'rejects a non-http Image Url',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Image Url': 'ftp://cdn.example.com/tote.jpg' },
    paths: ['/Image Url'],
  },
  {
    title: 'rejects an email without @',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Email Address': 'ada.example.com' },
    paths: ['/Email Address'],
    message: 'email',
  },
  {
    title: 'rejects a non-ISO date',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Order Fulfilled Date': '05/01/2024' },
    paths: ['/Order Fulfilled Date'],
    message: 'ISO 8601',
  },
  {
    title: 'rejects an impossible calendar date',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Order Fulfilled Date': '2023-02-29' },
    paths: ['/Order Fulfilled Date'],
  },
  {
    title: 'rejects a number where a string is expected',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Order Number': 1001 },
    paths: ['/Order Number'],
    message: 'must be a string',
  },
  {
    title: 'rejects an unknown property',
    event: 'review_request_created',
    properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, review_url: 'https://shop.example.com/r' },
    paths: ['/review_url'],
    message: 'is not a property of "Review Request Created"',
  },
  {
    title: 'reports every problem at once, in catalog order',
    event: 'review_request_created',
    properties: { ...without(REVIEW_REQUEST_CREATED_PAYLOAD, 'First Name'), 'Image Url': 42, Extra: 'x' },
    paths: ['/First Name', '/Image Url', '/Extra'],
  },

  // Review Created
  { title: 'accepts a review with only the core properties', event: 'review_created', properties: REVIEW_CREATED_PAYLOAD, paths: [] },
  {
    title: 'accepts review attributes as open properties',
    event: 'review_created',
    properties: { ...REVIEW_CREATED_PAYLOAD, 'Skin Type': 'Dry', 'Age Range': ['25-34'], 'Next-Day Delivery': false },
    paths: [],
  },
  {
    title: 'rejects a nested object as a review attribute',
    event: 'review_created',
    properties: { ...REVIEW_CREATED_PAYLOAD, Fit: { size: 'M' } },
    paths: ['/Fit'],
  },
  {
    title: 'rejects a non-finite rating',
    event: 'review_created',
    properties: { ...REVIEW_CREATED_PAYLOAD, Rating: Number.NaN },
    paths: ['/Rating'],
    message: 'finite number',
  },
  {
    title: 'rejects "Yes" where a boolean is expected',
    event: 'review_created',
    properties: { ...REVIEW_CREATED_PAYLOAD, 'Is Recommended': 'Yes' },
    paths: ['/Is Recommended'],
    message: 'boolean',
  },
  {
    title: 'rejects a list holding objects',
    event: 'review_created',
    properties: { ...REVIEW_CREATED_PAYLOAD, 'Loyalty Events': [{ id: 1 }] },
    paths: ['/Loyalty Events'],
    message: 'array of strings or numbers',
  },
  {
    title: 'rejects a review missing its rating',
    event: 'review_created',
    properties: without(REVIEW_CREATED_PAYLOAD, 'Rating'),
    paths: ['/Rating'],
  },

  // Submitted Okendo Survey
  { title: 'accepts a survey without answers or reward', event: 'submitted_okendo_survey', properties: SURVEY_PAYLOAD, paths: [] },
  {
    title: 'accepts survey questions and answers as extra properties',
    event: 'submitted_okendo_survey',
    properties: {
      ...SURVEY_PAYLOAD,
      'How did you hear about us?': 'Instagram',
      'How likely are you to recommend us?': 9,
      'Which products do you use?': ['Tote', 'Notebook'],
      'Would you buy again?': true,
      'Anything else?': null,
    },
    paths: [],
  },
  {
    title: 'accepts a coupon reward',
    event: 'submitted_okendo_survey',
    properties: { ...SURVEY_PAYLOAD, 'Coupon Code': 'THANKS10', 'Coupon Description': '10% off' },
    paths: [],
  },
  {
    title: 'accepts a loyalty reward without its "if applicable" properties',
    event: 'submitted_okendo_survey',
    properties: { ...SURVEY_PAYLOAD, 'Loyalty Provider': 'Okendo' },
    paths: [],
  },
  {
    title: 'rejects an incomplete coupon reward',
    event: 'submitted_okendo_survey',
    properties: { ...SURVEY_PAYLOAD, 'Coupon Code': 'THANKS10' },
    paths: ['/Coupon Description'],
    message: 'If rewardType is "coupon"',
  },
  {
    title: 'rejects coupon and loyalty rewards together',
    event: 'submitted_okendo_survey',
    properties: {
      ...SURVEY_PAYLOAD,
      'Coupon Code': 'THANKS10',
      'Coupon Description': '10% off',
      'Loyalty Provider': 'Okendo',
      'Loyalty Points': 50,
    },
    paths: ['/Loyalty Points'],
    message: 'cannot be sent together',
  },
  {
    title: 'still type-checks catalog properties of an open event',
    event: 'submitted_okendo_survey',
    properties: { ...SURVEY_PAYLOAD, 'Email Address': 'nobody' },
    paths: ['/Email Address'],
  },

  // Okendo Loyalty Tier Upgrade Nudge
  {
    title: 'accepts a lifetime nudge',
    event: 'okendo_loyalty_tier_upgrade_nudge',
    properties: { ...NUDGE_PAYLOAD, 'All Time Spend': 460 },
    paths: [],
  },
  {
    title: 'accepts a window nudge',
    event: 'okendo_loyalty_tier_upgrade_nudge',
    properties: { ...NUDGE_PAYLOAD, 'Spent Within Tier Upgrade Window': 160, 'Tier Upgrade Window End Date': '2024-12-31' },
    paths: [],
  },
  {
    title: 'rejects a window nudge without its end date',
    event: 'okendo_loyalty_tier_upgrade_nudge',
    properties: { ...NUDGE_PAYLOAD, 'Spent Within Tier Upgrade Window': 160 },
    paths: ['/Tier Upgrade Window End Date'],
  },
  {
    title: 'rejects lifetime and window properties together',
    event: 'okendo_loyalty_tier_upgrade_nudge',
    properties: {
      ...NUDGE_PAYLOAD,
      'All Time Spend': 460,
      'Spent Within Tier Upgrade Window': 160,
      'Tier Upgrade Window End Date': '2024-12-31',
    },
    paths: ['/Spent Within Tier Upgrade Window'],
  },
  {
    title: 'rejects an unknown property on a closed event',
    event: 'okendo_loyalty_tier_upgrade_nudge',
    properties: { ...NUDGE_PAYLOAD, 'Favourite Colour': 'teal' },
    paths: ['/Favourite Colour'],
  },

  // Received Okendo Referral Coupon
  {
    title: 'accepts a redeemed referral coupon with its order details',
    event: 'received_okendo_referral_coupon',
    properties: {
      ActivityID: 'act_1',
      Date: '2024-05-01T00:00:00Z',
      'Date Received': '2024-05-01',
      'Customer Role': 'recipient',
      'Coupon Code': 'FRIEND15',
      'Coupon Description': '15% off your first order',
      'Coupon Expiry Date': '2024-08-01',
      'Recipient Order Discount Amount': 12.5,
      'Recipient Order ID': 'gid://shopify/Order/5501',
      'Recipient Order Number': '#1042',
      'Recipient Order Total Price': 83.3,
    },
    paths: [],
  },

  // Update Customer Profile
  { title: 'accepts an empty profile update', event: 'update_customer_profile', properties: {}, paths: [] },
  {
    title: 'rejects any property on a profile update',
    event: 'update_customer_profile',
    properties: { 'Okendo Given Name': 'Ada' },
    paths: ['/Okendo Given Name'],
  },
];

describe('validateEventProperties', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.event}: ${scenario.title}`, () => {
      const errors = errorsOf(def(scenario.event), scenario.properties);
      assert.deepEqual(
        errors.map((error) => error.path),
        scenario.paths,
        JSON.stringify(errors),
      );
      if (scenario.message !== undefined) {
        for (const error of errors) assert.ok(error.message.includes(scenario.message), error.message);
      }
      assert.deepEqual(validateEventProperties(def(scenario.event), scenario.properties).ok, scenario.paths.length === 0);
    });
  }

  it('names the missing property in both path and message', () => {
    const result = validateEventProperties(def('review_request_created'), without(REVIEW_REQUEST_CREATED_PAYLOAD, 'Email Address'));
    assert.deepEqual(result, { ok: false, errors: [{ path: '/Email Address', message: '"Email Address" is required' }] });
  });

  it('validates each opt-in audience against its own property set', () => {
    const common = { ActivityID: 'act_9', Date: '2024-05-01', 'Date Opted-In': '2024-05-01', Locale: 'en-AU' };
    const referrer = findEventType('Opted In to Okendo Referrals', 'referrer');
    const recipient = findEventType('Opted In to Okendo Referrals', 'recipient');
    assert.ok(referrer && recipient);
    const referrerPayload = {
      ...common,
      'Customer Role': 'referrer',
      'Referrer Email': 'ada@example.com',
      'Referrer Name': 'Ada Lovelace',
    };
    const recipientPayload = {
      ...common,
      'Recipient Email': 'charles@example.com',
      'Recipient First Name': 'Charles',
      'Recipient Last Name': 'Babbage',
    };
    assert.deepEqual(validateEventProperties(referrer, referrerPayload), { ok: true });
    assert.deepEqual(validateEventProperties(recipient, recipientPayload), { ok: true });
    assert.deepEqual(
      errorsOf(recipient, referrerPayload).map((error) => error.path),
      ['/Recipient Email', '/Recipient First Name', '/Recipient Last Name', '/Customer Role', '/Referrer Email', '/Referrer Name'],
    );
  });

  it('refuses a properties value that is not an object', () => {
    for (const value of [null, [], 'x']) {
      assert.deepEqual(errorsOf(def('review_request_cancelled'), value as unknown as Record<string, unknown>), [
        { path: '', message: 'properties must be an object' },
      ]);
    }
  });

  it('escapes "/" and "~" in error paths (JSON Pointer)', () => {
    const errors = errorsOf(def('submitted_okendo_survey'), { ...SURVEY_PAYLOAD, 'Size/Fit ~ok?': { nested: true } });
    assert.deepEqual(
      errors.map((error) => error.path),
      ['/Size~1Fit ~0ok?'],
    );
  });

  it('treats a key holding undefined as absent', () => {
    const errors = errorsOf(def('review_request_created'), {
      ...REVIEW_REQUEST_CREATED_PAYLOAD,
      'Review Url': undefined,
      Stray: undefined,
    });
    assert.deepEqual(
      errors.map((error) => error.path),
      ['/Review Url'],
    );
  });

  it('every definition accepts a payload made of its own required properties', () => {
    const sample: Record<string, unknown> = {
      string: 'x',
      number: 1,
      boolean: false,
      date: '2024-01-31',
      url: 'https://example.com/x',
      email: 'a@b.co',
      list: ['a', 1],
    };
    for (const event of EVENT_TYPES) {
      const payload = Object.fromEntries(event.properties.filter((prop) => prop.required).map((prop) => [prop.name, sample[prop.type]]));
      assert.deepEqual(validateEventProperties(event, payload), { ok: true }, event.id);
    }
  });
});

describe('validateProfileProperties', () => {
  const cases: { title: string; properties: Record<string, unknown>; errorPaths: string[] }[] = [
    {
      title: 'accepts a partial profile',
      properties: {
        'Okendo Given Name': 'Ada',
        'Okendo Average Review Rating': 4.5,
        'Okendo Referral Shareable Link': 'https://shop.example.com/r/ada',
        'Okendo Loyalty Enrolment Date': '2023-11-02',
      },
      errorPaths: [],
    },
    { title: 'accepts null to clear a value', properties: { 'Okendo Loyalty VIP Tier': null }, errorPaths: [] },
    { title: 'rejects a wrong type', properties: { 'Okendo Number of Reviews': '3' }, errorPaths: ['/Okendo Number of Reviews'] },
    {
      title: 'rejects a non-Okendo property',
      properties: { 'Okendo Shoe Size': 9, 'Okendo Given Name': 'Ada' },
      errorPaths: ['/Okendo Shoe Size'],
    },
  ];
  for (const { title, properties, errorPaths } of cases) {
    it(title, () => {
      const result = validateProfileProperties(properties);
      assert.deepEqual(result.ok ? [] : result.errors.map((error) => error.path), errorPaths);
    });
  }
});
