import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_WAIT_DAYS as API_MAX_WAIT_DAYS } from '@rapport/reviews/schemas';
import { MAX_WAIT_DAYS, waitDaysError, waitSummary, type WaitAnchor } from '../src/pages/mail/wait-summary.js';

describe('the Wait box says how long and after what', () => {
  const cases: { name: string; days: number; after: WaitAnchor; expected: string }[] = [
    { name: 'no wait', days: 0, after: 'fulfillment', expected: 'Wait 0 days after fulfillment' },
    { name: 'one day (singular)', days: 1, after: 'delivery', expected: 'Wait 1 day after delivery' },
    { name: 'the default of Get Started', days: 3, after: 'fulfillment', expected: 'Wait 3 days after fulfillment' },
    { name: 'the longest wait', days: 365, after: 'delivery', expected: 'Wait 365 days after delivery' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(waitSummary(c.days, c.after), c.expected));
});

describe('the Days field takes a whole number from 0 to the API’s limit', () => {
  const refusal = `Enter a whole number of days from 0 to ${MAX_WAIT_DAYS}`;
  const cases: { name: string; value: number | string; expected: string | null }[] = [
    { name: 'zero', value: 0, expected: null },
    { name: 'the limit', value: MAX_WAIT_DAYS, expected: null },
    { name: 'an empty field', value: '', expected: refusal },
    { name: 'past the limit', value: MAX_WAIT_DAYS + 1, expected: refusal },
    { name: 'negative', value: -1, expected: refusal },
    { name: 'a fraction', value: 1.5, expected: refusal },
  ];
  for (const c of cases) test(c.name, () => assert.equal(waitDaysError(c.value), c.expected));

  test('the limit is the API’s', () => assert.equal(MAX_WAIT_DAYS, API_MAX_WAIT_DAYS));
});
