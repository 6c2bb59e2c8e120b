import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messageState, stateLabel, type TextState } from '../src/pages/messages/why.js';

describe('why a text is where it is, in the merchant’s words', () => {
  const states: { name: string; m: TextState; expected: string }[] = [
    {
      name: 'held for quiet hours (the outbox status, as on a profile)',
      m: { status: 'queued', status_reason: null, held_until: '2026-03-11T12:00:00Z' },
      expected: "Held for quiet hours until Mar 11, 2026, 8:00 AM, when the recipient's sending window opens",
    },
    {
      name: 'held (the Messages screen’s state)',
      m: { status: 'held', status_reason: null, held_until: '2026-03-11T12:00:00Z' },
      expected: "Held for quiet hours until Mar 11, 2026, 8:00 AM, when the recipient's sending window opens",
    },
    { name: 'waiting its turn', m: { status: 'queued', status_reason: null, held_until: null }, expected: 'Waiting for its turn' },
    {
      name: 'suppressed: opted out',
      m: { status: 'suppressed', status_reason: 'opted_out', held_until: null },
      expected: 'Not sent: the subscriber opted out (texted STOP or was unsubscribed)',
    },
    {
      name: 'suppressed: never confirmed',
      m: { status: 'suppressed', status_reason: 'not_confirmed', held_until: null },
      expected: 'Not sent: the subscriber never confirmed with Y',
    },
    {
      name: 'suppressed: a reason without words yet reads as words',
      m: { status: 'suppressed', status_reason: 'frequency_cap_reached', held_until: null },
      expected: 'Not sent: frequency cap reached',
    },
    {
      name: 'suppressed because its automation was turned off before the step was due',
      m: { status: 'suppressed', status_reason: 'automation_disabled', held_until: null },
      expected: 'Not sent: its automation was turned off before it was sent',
    },
    {
      name: 'failed with the carrier’s error',
      m: { status: 'failed', status_reason: null, held_until: null, error: 'Twilio 21211: invalid To number' },
      expected: 'Failed: Twilio 21211: invalid To number',
    },
    {
      name: 'sent, delivered',
      m: { status: 'sent', status_reason: null, held_until: null, delivery_status: 'delivered' },
      expected: 'Sent; carrier says delivered',
    },
    { name: 'sent', m: { status: 'sent', status_reason: null, held_until: null }, expected: 'Sent' },
  ];
  for (const s of states) test(s.name, () => assert.equal(messageState(s.m, 'America/New_York'), s.expected));
});

test('state badges in short words', () => {
  assert.deepEqual(['held', 'queued', 'dispatching', 'sent', 'failed', 'suppressed'].map(stateLabel), [
    'Held',
    'Queued',
    'Sending',
    'Sent',
    'Failed',
    'Not sent',
  ]);
});
