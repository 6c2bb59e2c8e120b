import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyInbound, type InboundKind } from '../../src/compliance/reserved-words.js';

const cases: { body: string; kind: InboundKind }[] = [
  { body: 'STOP', kind: 'opt_out' },
  { body: 'stop', kind: 'opt_out' },
  { body: ' Stop. ', kind: 'opt_out' },
  { body: 'STOPALL', kind: 'opt_out' },
  { body: 'stop all', kind: 'opt_out' },
  { body: 'UNSUBSCRIBE', kind: 'opt_out' },
  { body: 'Cancel', kind: 'opt_out' },
  { body: 'end', kind: 'opt_out' },
  { body: 'QUIT', kind: 'opt_out' },
  { body: 'revoke', kind: 'opt_out' },
  { body: 'OPTOUT', kind: 'opt_out' },
  { body: 'opt out', kind: 'opt_out' },
  { body: 'Opt-Out', kind: 'opt_out' },
  { body: 'STOP PLEASE', kind: 'opt_out' },
  { body: 'Stop texting me', kind: 'opt_out' },
  { body: 'please stop sending these', kind: 'opt_out' },
  { body: 'Remove me from your list', kind: 'opt_out' },
  { body: 'take me off this list', kind: 'opt_out' },
  { body: 'Wrong number', kind: 'opt_out' },
  { body: "Don't text me again", kind: 'opt_out' },
  { body: 'do not text', kind: 'opt_out' },
  { body: 'no more', kind: 'opt_out' },
  { body: '🛑 STOP 🛑', kind: 'opt_out' },
  { body: 'Y', kind: 'opt_in' },
  { body: 'y', kind: 'opt_in' },
  { body: 'Yes', kind: 'opt_in' },
  { body: 'YES!', kind: 'opt_in' },
  { body: 'START', kind: 'opt_in' },
  { body: 'unstop', kind: 'opt_in' },
  { body: 'HELP', kind: 'help' },
  { body: 'help?', kind: 'help' },
  { body: 'Info', kind: 'help' },
  { body: 'Thanks!', kind: 'other' },
  { body: 'When does my order ship?', kind: 'other' },
  { body: 'yes please send the coupon', kind: 'other' },
  { body: 'The end of the story was great', kind: 'other' },
  { body: 'Can I stop by the store tomorrow and pick it up from you', kind: 'other' },
  { body: '', kind: 'other' },
];

describe('inbound keyword classification', () => {
  for (const { body, kind } of cases) {
    test(`${JSON.stringify(body)} → ${kind}`, () => assert.equal(classifyInbound(body).kind, kind));
  }
});
