import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  OKENDO_REVIEW_REQUEST_TRIGGER,
  REVIEW_REQUEST_CREATED,
  SEQUENCE_WAIT_TAGS,
  declaredWait,
  sequenceWaitTags,
  tagKey,
} from '../src/index.js';

describe('tagKey', () => {
  const cases: { name: string; key: string }[] = [
    { name: 'Review Url', key: 'review_url' },
    { name: 'VariantID', key: 'variant_id' },
    { name: 'ProductID', key: 'product_id' },
    { name: 'ActivityID', key: 'activity_id' },
    { name: 'SKU', key: 'sku' },
    { name: 'Next-Day Delivery', key: 'next_day_delivery' },
    { name: 'Date Opted-In', key: 'date_opted_in' },
    { name: 'Okendo Latest NPS', key: 'okendo_latest_nps' },
    { name: 'Okendo Latest NPS Category', key: 'okendo_latest_nps_category' },
    { name: 'Quiz Response ID', key: 'quiz_response_id' },
    { name: 'Product URL', key: 'product_url' },
    { name: 'Okendo Loyalty VIP Tier', key: 'okendo_loyalty_vip_tier' },
    { name: '  Spend To Upgrade Tier ', key: 'spend_to_upgrade_tier' },
    { name: 'Name', key: 'name' },
  ];
  for (const { name, key } of cases) {
    it(`"${name}" → ${key}`, () => assert.equal(tagKey(name), key));
  }
});

describe('Okendo Review Request trigger', () => {
  it('is named as merchants see it in the automation trigger list', () => {
    assert.equal(OKENDO_REVIEW_REQUEST_TRIGGER.name, 'Okendo Review Request');
  });

  it('offers the ten tags, review_url first as in the seed walkthrough', () => {
    assert.deepEqual(OKENDO_REVIEW_REQUEST_TRIGGER.tags, [
      { key: 'review_url', label: 'Review Url' },
      { key: 'first_name', label: 'First Name' },
      { key: 'last_name', label: 'Last Name' },
      { key: 'name', label: 'Name' },
      { key: 'order_number', label: 'Order Number' },
      { key: 'image_url', label: 'Image Url' },
      { key: 'variant_name', label: 'Variant Name' },
      { key: 'email_address', label: 'Email Address' },
      { key: 'order_fulfilled_date', label: 'Order Fulfilled Date' },
      { key: 'review_request_id', label: 'Review Request Id' },
    ]);
  });

  it('has one tag per Review Request Created property, labelled with its name and keyed with its key', () => {
    const fromEvent = REVIEW_REQUEST_CREATED.properties.map((prop) => `${prop.key}=${prop.name}`).sort();
    const fromTrigger = OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((tag) => `${tag.key}=${tag.label}`).sort();
    assert.deepEqual(fromTrigger, fromEvent);
    for (const tag of OKENDO_REVIEW_REQUEST_TRIGGER.tags) assert.equal(tagKey(tag.label), tag.key);
  });
});

describe('the sequence wait declared with each fire', () => {
  const cases: { tags: Record<string, unknown>; expected: ReturnType<typeof declaredWait> }[] = [
    { tags: sequenceWaitTags({ days: 14, after: 'fulfillment' }), expected: { days: 14, after: 'fulfillment' } },
    { tags: { okendo_sequence_wait_days: '0', okendo_sequence_wait_after: 'delivery' }, expected: { days: 0, after: 'delivery' } },
    { tags: { okendo_sequence_wait_days: 3, okendo_sequence_wait_after: 'delivery' }, expected: { days: 3, after: 'delivery' } },
    { tags: { review_url: 'https://x' }, expected: null },
    { tags: { okendo_sequence_wait_days: '-1', okendo_sequence_wait_after: 'delivery' }, expected: null },
    { tags: { okendo_sequence_wait_days: '2.5', okendo_sequence_wait_after: 'delivery' }, expected: null },
    { tags: { okendo_sequence_wait_days: '7', okendo_sequence_wait_after: 'shipping' }, expected: null },
    { tags: { okendo_sequence_wait_days: '99999', okendo_sequence_wait_after: 'fulfillment' }, expected: null },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.tags)} declares ${JSON.stringify(c.expected)}`, () => assert.deepEqual(declaredWait(c.tags), c.expected));
  }

  it('is not among the merge tags a merchant can insert', () => {
    const keys = OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((t) => t.key);
    for (const key of Object.values(SEQUENCE_WAIT_TAGS)) assert.ok(!keys.includes(key));
  });
});
