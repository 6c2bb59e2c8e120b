import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DeliveryLogEntry } from '@rapport/reviews/schemas';
import { canReplay, kindLabel, outcomeText, stateColor, stateLabel } from '../src/pages/settings/sync-log.js';

type Call = Pick<DeliveryLogEntry, 'state' | 'attempts' | 'last_error' | 'skip_reason' | 'response'>;
const call = (c: Partial<Call> & Pick<Call, 'state'>): Call => ({ attempts: 1, last_error: null, skip_reason: null, response: null, ...c });

describe('each call’s outcome in the merchant’s words, and whether it can be replayed', () => {
  const cases: { name: string; call: Call; outcome: string; replay: boolean }[] = [
    {
      name: 'delivered',
      call: call({ state: 'delivered', response: { status: 201, body: '{}' } }),
      outcome: 'Delivered (HTTP 201)',
      replay: false,
    },
    { name: 'not sent yet', call: call({ state: 'pending', attempts: 0 }), outcome: 'Waiting to be sent', replay: false },
    {
      name: 'being retried',
      call: call({ state: 'pending', attempts: 2, last_error: 'HTTP 503' }),
      outcome: 'Retrying after 2 attempts: HTTP 503',
      replay: false,
    },
    {
      name: 'skipped: not a subscriber',
      call: call({ state: 'skipped', skip_reason: 'not_a_subscriber' }),
      outcome: 'Skipped: the customer is not an SMS subscriber',
      replay: true,
    },
    {
      name: 'skipped: Postscript was disconnected',
      call: call({ state: 'skipped', skip_reason: 'not_connected' }),
      outcome: 'Skipped: Postscript was not connected',
      replay: true,
    },
    {
      name: 'skipped: invalid properties (would fail again)',
      call: call({ state: 'skipped', skip_reason: 'invalid_properties', last_error: 'Review Url: more than 2000 characters' }),
      outcome: 'Skipped: invalid properties (Review Url: more than 2000 characters)',
      replay: false,
    },
    {
      name: 'failed after its attempts',
      call: call({ state: 'failed', attempts: 1, last_error: 'Postscript rejected the key (HTTP 401)' }),
      outcome: 'Failed after 1 attempt: Postscript rejected the key (HTTP 401)',
      replay: true,
    },
    {
      name: 'failed with only a status',
      call: call({ state: 'failed', attempts: 8, response: { status: 500, body: '' } }),
      outcome: 'Failed after 8 attempts: HTTP 500',
      replay: true,
    },
  ];
  for (const c of cases)
    test(c.name, () => {
      assert.equal(outcomeText(c.call), c.outcome);
      assert.equal(canReplay(c.call), c.replay);
    });
});

test('states and kinds have a label each', () => {
  assert.deepEqual(
    (['pending', 'delivered', 'skipped', 'failed'] as const).map((s) => [stateLabel(s), stateColor(s)]),
    [
      ['Pending', 'blue'],
      ['Delivered', 'green'],
      ['Skipped', 'gray'],
      ['Failed', 'red'],
    ],
  );
  assert.deepEqual((['event', 'trigger', 'profile'] as const).map(kindLabel), ['Event', 'Trigger', 'Profile properties']);
});
