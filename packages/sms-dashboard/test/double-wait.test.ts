import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doubleWait } from '../src/pages/automations/double-wait.js';

describe('the double-wait warning in the automation editor', () => {
  const since = '2026-12-01T00:00:00.000Z';
  const cases: {
    story: string;
    wait: { days: number; after: 'fulfillment' | 'delivery' } | null;
    delay: number;
    info: RegExp | null;
    warning: RegExp | null;
  }[] = [
    { story: "no declared wait (a trigger that is not Okendo's): nothing to say", wait: null, delay: 120, info: null, warning: null },
    {
      story: 'Okendo waits 14 days after fulfilment, the text sends at once',
      wait: { days: 14, after: 'fulfillment' },
      delay: 0,
      info: /already arrives 14 days after fulfillment/,
      warning: null,
    },
    {
      story: 'a 2-day delay on top of 14 days: 16 days in all',
      wait: { days: 14, after: 'fulfillment' },
      delay: 2 * 1440,
      info: /14 days/,
      warning: /delay of 2 days adds to Okendo's wait: the customer gets this text 16 days after fulfillment\. Be careful about using both/,
    },
    {
      story: 'Okendo waits 0 days after delivery, 90 minutes here',
      wait: { days: 0, after: 'delivery' },
      delay: 90,
      info: /0 days after delivery/,
      warning: /1 hour 30 minutes adds .* 1 hour 30 minutes after delivery/,
    },
    {
      story: 'one day is singular',
      wait: { days: 1, after: 'delivery' },
      delay: 60,
      info: /arrives 1 day after delivery/,
      warning: /1 day 1 hour after delivery/,
    },
  ];
  for (const c of cases) {
    it(c.story, () => {
      const notice = doubleWait(c.wait && { ...c.wait, declared_at: since }, c.delay);
      if (c.info === null) return assert.equal(notice, null);
      assert.ok(notice);
      assert.match(notice.info, c.info);
      if (c.warning === null) assert.equal(notice.warning, null);
      else assert.match(notice.warning ?? '', c.warning);
    });
  }
});
