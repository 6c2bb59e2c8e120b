import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Compile } from 'typebox/compile';
import {
  EVENT_TYPES,
  catalogJsonSchema,
  eventJsonSchema,
  findEventTypeById,
  profilePropertiesJsonSchema,
  validateEventProperties,
  validateProfileProperties,
  type EventTypeDef,
} from '../src/index.js';
import { NUDGE_PAYLOAD, REVIEW_CREATED_PAYLOAD, REVIEW_REQUEST_CREATED_PAYLOAD, SURVEY_PAYLOAD } from './fixtures.js';

function def(id: string): EventTypeDef {
  const found = findEventTypeById(id);
  assert.ok(found, id);
  return found;
}

/** The published schema must round-trip through JSON and still validate: that is how /docs consumers get it. */
function published<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema)) as T;
}

describe('eventJsonSchema', () => {
  it('describes Review Request Created as a closed object with nine required properties', () => {
    const schema = published(eventJsonSchema(def('review_request_created'))) as unknown as Record<string, unknown>;
    assert.equal(schema.type, 'object');
    assert.equal(schema.title, 'Review Request Created');
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required, [
      'Email Address',
      'First Name',
      'Last Name',
      'Name',
      'Image Url',
      'Order Fulfilled Date',
      'Order Number',
      'Review Request Id',
      'Review Url',
    ]);
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    assert.equal(properties['Review Url']?.description, 'The URL where the customer can leave a review.');
    assert.equal(properties['Review Url']?.['x-key'], 'review_url');
  });

  it('titles each opt-in audience separately', () => {
    const title = (id: string) => (eventJsonSchema(def(id)) as unknown as { title: string }).title;
    assert.equal(title('opted_in_to_okendo_referrals_referrer'), 'Opted In to Okendo Referrals (referrer)');
    assert.equal(title('opted_in_to_okendo_referrals_recipient'), 'Opted In to Okendo Referrals (recipient)');
  });

  it('expresses group completeness with dependentRequired', () => {
    const schema = published(eventJsonSchema(def('okendo_loyalty_tier_upgrade_nudge'))) as unknown as Record<string, unknown>;
    assert.deepEqual(schema.dependentRequired, {
      'Spent Within Tier Upgrade Window': ['Tier Upgrade Window End Date'],
      'Tier Upgrade Window End Date': ['Spent Within Tier Upgrade Window'],
    });
  });

  // The schema and the validator must agree; each row is run through both.
  const agreement: { eventId: string; properties: Record<string, unknown> }[] = [
    { eventId: 'review_request_created', properties: REVIEW_REQUEST_CREATED_PAYLOAD },
    { eventId: 'review_request_created', properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Variant Name': null } },
    { eventId: 'review_request_created', properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Review Url': 'reviews/new' } },
    { eventId: 'review_request_created', properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Email Address': 'nobody' } },
    { eventId: 'review_request_created', properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Order Fulfilled Date': '2024-13-01' } },
    { eventId: 'review_request_created', properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, 'Review Request Id': null } },
    { eventId: 'review_request_created', properties: { ...REVIEW_REQUEST_CREATED_PAYLOAD, Unknown: 'x' } },
    { eventId: 'review_created', properties: REVIEW_CREATED_PAYLOAD },
    { eventId: 'review_created', properties: { ...REVIEW_CREATED_PAYLOAD, 'Skin Type': 'Dry', 'Loyalty Events': ['ev_1', 2] } },
    { eventId: 'review_created', properties: { ...REVIEW_CREATED_PAYLOAD, Fit: { size: 'M' } } },
    { eventId: 'review_created', properties: { ...REVIEW_CREATED_PAYLOAD, 'Is Recommended': 'Yes' } },
    { eventId: 'submitted_okendo_survey', properties: { ...SURVEY_PAYLOAD, 'Favourite colour?': 'teal', 'Rate us': 10 } },
    { eventId: 'submitted_okendo_survey', properties: { ...SURVEY_PAYLOAD, 'Coupon Code': 'THANKS10' } },
    {
      eventId: 'submitted_okendo_survey',
      properties: { ...SURVEY_PAYLOAD, 'Coupon Code': 'X', 'Coupon Description': 'Y', 'Loyalty Provider': 'Okendo' },
    },
    { eventId: 'submitted_okendo_survey', properties: { ...SURVEY_PAYLOAD, 'Loyalty Points': null } },
    { eventId: 'submitted_okendo_survey', properties: { ...SURVEY_PAYLOAD, 'Loyalty Points': null, 'Loyalty Provider': 'Okendo' } },
    { eventId: 'okendo_loyalty_tier_upgrade_nudge', properties: { ...NUDGE_PAYLOAD, 'All Time Spend': 460 } },
    {
      eventId: 'okendo_loyalty_tier_upgrade_nudge',
      properties: { ...NUDGE_PAYLOAD, 'All Time Spend': 460, 'Spent Within Tier Upgrade Window': 1 },
    },
    { eventId: 'okendo_loyalty_tier_upgrade_nudge', properties: { ...NUDGE_PAYLOAD, 'Tier Upgrade Window End Date': '2024-12-31' } },
    { eventId: 'update_customer_profile', properties: {} },
    { eventId: 'update_customer_profile', properties: { Anything: 1 } },
  ];
  for (const [index, { eventId, properties }] of agreement.entries()) {
    it(`agrees with validateEventProperties: ${eventId} #${index}`, () => {
      const validator = Compile(published(eventJsonSchema(def(eventId))));
      assert.equal(validator.Check(properties), validateEventProperties(def(eventId), properties).ok);
    });
  }
});

describe('profilePropertiesJsonSchema', () => {
  const cases: Record<string, unknown>[] = [
    { 'Okendo Given Name': 'Ada', 'Okendo Loyalty Points Balance': 120 },
    { 'Okendo Loyalty VIP Tier': null },
    { 'Okendo Loyalty Points Balance': '120' },
    { 'Okendo Shoe Size': 9 },
  ];
  for (const [index, properties] of cases.entries()) {
    it(`agrees with validateProfileProperties #${index}`, () => {
      const validator = Compile(published(profilePropertiesJsonSchema()));
      assert.equal(validator.Check(properties), validateProfileProperties(properties).ok);
    });
  }
});

describe('catalogJsonSchema', () => {
  it('holds one schema per definition plus the profile properties, indexed in seed order', () => {
    const catalog = published(catalogJsonSchema());
    assert.equal(catalog.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(Object.keys(catalog.$defs).length, EVENT_TYPES.length + 1);
    assert.deepEqual(
      catalog['x-event-types'].map((entry) => entry.id),
      EVENT_TYPES.map((event) => event.id),
    );
    assert.deepEqual(catalog['x-event-types'][5], {
      id: 'opted_in_to_okendo_referrals_referrer',
      name: 'Opted In to Okendo Referrals',
      audience: 'referrer',
      schema: '#/$defs/opted_in_to_okendo_referrals_referrer',
    });
    assert.equal(catalog['x-profile-properties'], '#/$defs/okendo_profile_properties');
    const profile = catalog.$defs.okendo_profile_properties as unknown as { properties: Record<string, unknown> };
    assert.equal(Object.keys(profile.properties).length, 22);
  });

  it('resolves each event pointer to a usable schema', () => {
    const catalog = published(catalogJsonSchema());
    for (const entry of catalog['x-event-types']) {
      const schema = catalog.$defs[entry.schema.replace('#/$defs/', '')];
      assert.ok(schema, entry.schema);
      assert.equal(
        Compile(schema).Check({}),
        def(entry.id).properties.every((prop) => !prop.required),
        entry.id,
      );
    }
  });
});
