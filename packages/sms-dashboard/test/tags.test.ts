import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tagChoices, tagLabel } from '../src/pages/automations/tags.js';

describe('tag labels: the snake key title-cased', () => {
  const cases = [
    { name: 'the review link', key: 'review_url', expected: 'Review Url' },
    { name: 'two words', key: 'order_number', expected: 'Order Number' },
    { name: 'a subscriber field', key: 'first_name', expected: 'First Name' },
    { name: 'one word', key: 'email', expected: 'Email' },
    { name: 'three words', key: 'phone_number_e164', expected: 'Phone Number E164' },
    { name: 'capitals are kept', key: 'product_URL', expected: 'Product URL' },
    { name: 'a seed name stays as it is', key: 'Review Url', expected: 'Review Url' },
    { name: 'doubled and edge underscores', key: '_review__url_', expected: 'Review Url' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(tagLabel(c.key), c.expected));
});

describe('Add Tag lists the trigger’s tags, then the subscriber’s fields', () => {
  test('Okendo Review Request: its tags first, a subscriber field it also sends only once', () => {
    assert.deepEqual(tagChoices({ name: 'Okendo Review Request', tags: ['review_url', 'first_name', 'review_url'] }), [
      {
        group: 'Okendo Review Request',
        items: [
          { value: 'review_url', label: 'Review Url' },
          { value: 'first_name', label: 'First Name' },
        ],
      },
      {
        group: 'Subscriber',
        items: [
          { value: 'last_name', label: 'Last Name' },
          { value: 'email', label: 'Email' },
          { value: 'phone_number', label: 'Phone Number' },
        ],
      },
    ]);
  });

  test('a trigger without tags offers the subscriber fields alone', () => {
    assert.deepEqual(
      tagChoices({ name: 'Back in stock', tags: [] }).map((g) => g.group),
      ['Subscriber'],
    );
  });
});
