import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OKENDO_REVIEW_REQUEST_TRIGGER, REVIEW_REQUEST_CREATED, tagKey } from '../src/index.js';

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
