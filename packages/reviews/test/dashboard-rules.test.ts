/** The pure rules behind the dashboard's screens: why an order was not recruited, and a zone's calendar days. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { notRecruitedReason, type SequenceFacts } from '../src/orders/review-status.js';
import type { OrderFacts } from '../src/sequences/eligibility.js';
import { lastLocalDays, localDayOf, startOfLocalDay } from '@rapport/kit';

const PAID_FULFILLED: OrderFacts = {
  financialStatus: 'paid',
  cancelledAt: null,
  refundedAt: null,
  fulfilledAt: '2026-03-05T10:00:00.000Z',
  email: 'jane.doe@example.com',
  phone: null,
  reviewableProducts: 1,
};
const RUNNING_SINCE_MARCH: SequenceFacts = { status: 'running', startedAt: '2026-03-01T00:00:00.000Z' };

describe('notRecruitedReason: the first rule an order without a request fails', () => {
  const cases: { name: string; order: Partial<OrderFacts>; customer?: boolean; sequences: SequenceFacts[]; expected: string }[] = [
    { name: 'pending payment', order: { financialStatus: 'pending' }, sequences: [RUNNING_SINCE_MARCH], expected: 'not_paid' },
    { name: 'partially fulfilled', order: { fulfilledAt: null }, sequences: [RUNNING_SINCE_MARCH], expected: 'not_fulfilled' },
    { name: 'no email, no phone', order: { email: null, phone: null }, sequences: [RUNNING_SINCE_MARCH], expected: 'no_contact' },
    {
      name: 'a phone is enough, but no customer record',
      order: { email: null, phone: '+15555550123' },
      customer: false,
      sequences: [RUNNING_SINCE_MARCH],
      expected: 'no_contact',
    },
    { name: 'only custom items', order: { reviewableProducts: 0 }, sequences: [RUNNING_SINCE_MARCH], expected: 'no_products' },
    {
      name: 'cancelled beats unpaid',
      order: { cancelledAt: '2026-03-05T00:00:00.000Z', financialStatus: 'pending' },
      sequences: [],
      expected: 'cancelled',
    },
    { name: 'refunded', order: { financialStatus: 'refunded' }, sequences: [RUNNING_SINCE_MARCH], expected: 'refunded' },
    { name: 'no sequence at all', order: {}, sequences: [], expected: 'no_sequence_running' },
    {
      name: 'only a stopped or draft sequence',
      order: {},
      sequences: [
        { status: 'stopped', startedAt: '2026-03-01T00:00:00.000Z' },
        { status: 'draft', startedAt: null },
      ],
      expected: 'no_sequence_running',
    },
    {
      name: 'fulfilled before the running sequence started',
      order: { fulfilledAt: '2026-02-27T10:00:00.000Z' },
      sequences: [RUNNING_SINCE_MARCH],
      expected: 'fulfilled_before_sequence_start',
    },
    { name: 'meets every rule but not looked at since', order: {}, sequences: [RUNNING_SINCE_MARCH], expected: 'not_evaluated' },
  ];
  for (const c of cases) {
    test(c.name, () => assert.equal(notRecruitedReason({ ...PAID_FULFILLED, ...c.order }, c.customer ?? true, c.sequences), c.expected));
  }
});

describe('local calendar days', () => {
  const cases: { name: string; zone: string; day: string; start: string; nextStart: string }[] = [
    { name: 'UTC', zone: 'UTC', day: '2026-03-02', start: '2026-03-02T00:00:00.000Z', nextStart: '2026-03-03T00:00:00.000Z' },
    {
      name: 'New York, winter (UTC−5)',
      zone: 'America/New_York',
      day: '2026-03-02',
      start: '2026-03-02T05:00:00.000Z',
      nextStart: '2026-03-03T05:00:00.000Z',
    },
    {
      name: 'New York, the 23-hour day clocks go forward',
      zone: 'America/New_York',
      day: '2026-03-08',
      start: '2026-03-08T05:00:00.000Z',
      nextStart: '2026-03-09T04:00:00.000Z',
    },
    {
      name: 'New York, the 25-hour day clocks go back',
      zone: 'America/New_York',
      day: '2026-11-01',
      start: '2026-11-01T04:00:00.000Z',
      nextStart: '2026-11-02T05:00:00.000Z',
    },
    {
      name: 'Kolkata (UTC+5:30)',
      zone: 'Asia/Kolkata',
      day: '2026-03-02',
      start: '2026-03-01T18:30:00.000Z',
      nextStart: '2026-03-02T18:30:00.000Z',
    },
    {
      name: 'Auckland, ahead of UTC (UTC+13)',
      zone: 'Pacific/Auckland',
      day: '2026-03-02',
      start: '2026-03-01T11:00:00.000Z',
      nextStart: '2026-03-02T11:00:00.000Z',
    },
    {
      name: 'Santiago, where midnight is skipped: the day starts at 01:00',
      zone: 'America/Santiago',
      day: '2026-09-06',
      start: '2026-09-06T04:00:00.000Z',
      nextStart: '2026-09-07T03:00:00.000Z',
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const [next] = lastLocalDays(new Date(c.nextStart), c.zone, 1);
      assert.equal(startOfLocalDay(c.day, c.zone).toISOString(), c.start);
      assert.equal(next?.start, c.nextStart);
      assert.equal(localDayOf(new Date(c.start), c.zone), c.day);
      assert.equal(localDayOf(new Date(Date.parse(c.nextStart) - 1), c.zone), c.day);
    });
  }

  test('30 days tile the range: each ends where the next starts, the last is today', () => {
    const days = lastLocalDays(new Date('2026-03-20T03:00:00.000Z'), 'America/New_York', 30);
    assert.equal(days.length, 30);
    assert.equal(days.at(-1)?.day, '2026-03-19');
    assert.equal(days[0]?.day, '2026-02-18');
    for (let i = 1; i < days.length; i++) assert.equal(days[i]!.start, days[i - 1]!.end);
  });
});
