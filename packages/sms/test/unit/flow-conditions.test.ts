import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compare, eventMatches, subscriberMatches } from '../../src/flows/conditions.js';
import { bucketOf, nextTimeOfDay } from '../../src/flows/interpret.js';
import type { PropertyCondition } from '../../src/schemas/flows.js';

const NOW = new Date('2026-03-10T16:00:00Z');
const DAY = 86_400_000;

describe('flow conditions: the seed’s filters on event properties', () => {
  const stories: { story: string; props: Record<string, unknown>; condition: PropertyCondition; holds: boolean }[] = [
    { story: 'Rating <= 2 holds for 1', props: { Rating: 1 }, condition: { property: 'Rating', op: '<=', value: 2 }, holds: true },
    { story: 'Rating <= 2 fails for 5', props: { Rating: 5 }, condition: { property: 'Rating', op: '<=', value: 2 }, holds: false },
    {
      story: 'a number sent as text still compares',
      props: { Rating: '2' },
      condition: { property: 'Rating', op: '<=', value: 2 },
      holds: true,
    },
    {
      story: 'Is Recommended = No (false) holds for false',
      props: { 'Is Recommended': false },
      condition: { property: 'Is Recommended', op: '=', value: false },
      holds: true,
    },
    {
      story: 'Is Recommended = No holds for a custom event’s "No"',
      props: { 'Is Recommended': 'No' },
      condition: { property: 'Is Recommended', op: '=', value: false },
      holds: true,
    },
    {
      story: 'Customer Role = referrer, whatever the case',
      props: { 'Customer Role': 'Referrer' },
      condition: { property: 'Customer Role', op: '=', value: 'referrer' },
      holds: true,
    },
    {
      story: 'a property by its key spelling',
      props: { customer_role: 'recipient' },
      condition: { property: 'Customer Role', op: '=', value: 'recipient' },
      holds: true,
    },
    {
      story: 'a date within the next 14 days',
      props: { 'Points Expiry Date': new Date(NOW.getTime() + 10 * DAY).toISOString() },
      condition: { property: 'Points Expiry Date', op: 'within_next_days', value: 14 },
      holds: true,
    },
    {
      story: 'a date 20 days out is not within the next 14',
      props: { 'Points Expiry Date': new Date(NOW.getTime() + 20 * DAY).toISOString() },
      condition: { property: 'Points Expiry Date', op: 'within_next_days', value: 14 },
      holds: false,
    },
    {
      story: 'a date within the last 7 days',
      props: { 'Review Created Date': '2026-03-08' },
      condition: { property: 'Review Created Date', op: 'within_last_days', value: 7 },
      holds: true,
    },
    {
      story: 'a list contains a value',
      props: { Tags: ['gift', 'Sale'] },
      condition: { property: 'Tags', op: 'contains', value: 'sale' },
      holds: true,
    },
    { story: 'a missing property: not_exists holds', props: {}, condition: { property: 'Coupon Code', op: 'not_exists' }, holds: true },
    { story: 'a missing property: = fails', props: {}, condition: { property: 'Coupon Code', op: '=', value: 'X' }, holds: false },
    { story: 'a missing property: != holds', props: {}, condition: { property: 'Coupon Code', op: '!=', value: 'X' }, holds: true },
  ];
  for (const s of stories) test(s.story, () => assert.equal(eventMatches([s.condition], s.props, NOW), s.holds));

  test('every condition must hold (AND); none is a pass', () => {
    assert.equal(eventMatches([], {}, NOW), true);
    assert.equal(
      eventMatches(
        [
          { property: 'Rating', op: '<=', value: 2 },
          { property: 'Is Recommended', op: '=', value: false },
        ],
        { Rating: 2, 'Is Recommended': true },
        NOW,
      ),
      false,
    );
  });

  test('subscriber conditions: tags, fields and the Okendo properties', () => {
    const s = {
      first_name: 'Ada',
      last_name: null,
      email: null,
      phone_number: '+12125550100',
      tags: ['VIP'],
      properties: { 'Okendo Loyalty VIP Tier': 'Gold', 'Okendo Average Review Rating': 4.5 },
    };
    assert.equal(subscriberMatches([{ subject: 'tag', op: 'has', tag: 'vip' }], s, NOW), true);
    assert.equal(subscriberMatches([{ subject: 'tag', op: 'has_not', tag: 'vip' }], s, NOW), false);
    assert.equal(subscriberMatches([{ subject: 'field', field: 'email', op: 'not_exists' }], s, NOW), true);
    assert.equal(subscriberMatches([{ subject: 'property', property: 'Okendo Average Review Rating', op: '>=', value: 4 }], s, NOW), true);
    assert.equal(subscriberMatches([{ subject: 'property', property: 'okendo_loyalty_vip_tier', op: '=', value: 'gold' }], s, NOW), true);
    assert.equal(compare(undefined, 'exists', undefined, NOW), false);
  });
});

describe('flow timing and chance', () => {
  test('a time of day is the next one in the recipient’s zone: today if still ahead, else tomorrow', () => {
    // 16:00 UTC = 12:00 in New York (EDT since 8 March 2026).
    assert.equal(nextTimeOfDay(NOW, '23:00', 'America/New_York').toISOString(), '2026-03-11T03:00:00.000Z');
    assert.equal(nextTimeOfDay(NOW, '09:00', 'America/New_York').toISOString(), '2026-03-11T13:00:00.000Z');
    assert.equal(nextTimeOfDay(NOW, '09:00', 'America/Los_Angeles').toISOString(), '2026-03-11T16:00:00.000Z');
    // Across the spring change: on Saturday 7 March (EST), 10:00 on Sunday 8 March is already EDT.
    assert.equal(nextTimeOfDay(new Date('2026-03-07T20:00:00Z'), '10:00', 'America/New_York').toISOString(), '2026-03-08T14:00:00.000Z');
  });

  test('a random split buckets by run and node: the same run always lands alike, and 10,000 runs split about evenly', () => {
    assert.equal(bucketOf('frun_a', 'ab'), bucketOf('frun_a', 'ab'));
    let low = 0;
    for (let i = 0; i < 10_000; i++) if (bucketOf(`frun_${i}`, 'ab') < 50) low++;
    assert.ok(low > 4_700 && low < 5_300, `${low} of 10,000 under 50`);
  });
});
