import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { propertyValue, sortedProperties } from '../src/pages/subscribers/format.js';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';

describe('how the Subscribers pages write values', () => {
  const values: { name: string; value: unknown; expected: string }[] = [
    { name: 'nothing', value: null, expected: '—' },
    { name: 'an empty string', value: '', expected: '—' },
    { name: 'a list (Okendo Product Review Names)', value: ['Linen Shirt', 'Wool Beanie'], expected: 'Linen Shirt, Wool Beanie' },
    { name: 'an empty list', value: [], expected: '—' },
    { name: 'a boolean', value: true, expected: 'Yes' },
    { name: 'a number', value: 4.5, expected: '4.5' },
  ];
  for (const v of values) test(`property value: ${v.name}`, () => assert.equal(propertyValue(v.value), v.expected));

  test('times read in the shop’s zone', () => {
    assert.equal(zonedTime('2026-03-10T16:00:00Z', 'America/New_York'), 'Mar 10, 2026, 12:00 PM');
    assert.equal(zonedTime(null, 'UTC'), '—');
  });

  test('the Okendo profile properties come first', () => {
    assert.deepEqual(
      sortedProperties({ birthday: 'x', 'Okendo Reviewer Status': 'active', 'Okendo Average Review Rating': 4 }).map(([k]) => k),
      ['Okendo Average Review Rating', 'Okendo Reviewer Status', 'birthday'],
    );
  });
});
