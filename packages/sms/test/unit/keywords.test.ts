import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyInbound, type InboundKind } from '../../src/compliance/keywords.js';

const cases: [string, InboundKind][] = [
  ['STOP', 'opt_out'],
  ['stop', 'opt_out'],
  [' Stop. ', 'opt_out'],
  ['STOPALL', 'opt_out'],
  ['stop all', 'opt_out'],
  ['UNSUBSCRIBE', 'opt_out'],
  ['Cancel', 'opt_out'],
  ['end', 'opt_out'],
  ['QUIT', 'opt_out'],
  ['revoke', 'opt_out'],
  ['OPTOUT', 'opt_out'],
  ['opt out', 'opt_out'],
  ['Opt-Out', 'opt_out'],
  ['STOP PLEASE', 'opt_out'],
  ['Stop texting me', 'opt_out'],
  ['please stop sending these', 'opt_out'],
  ['Remove me from your list', 'opt_out'],
  ['take me off this list', 'opt_out'],
  ['Wrong number', 'opt_out'],
  ["Don't text me again", 'opt_out'],
  ['do not text', 'opt_out'],
  ['no more', 'opt_out'],
  ['🛑 STOP 🛑', 'opt_out'],
  ['Y', 'opt_in'],
  ['y', 'opt_in'],
  ['Yes', 'opt_in'],
  ['YES!', 'opt_in'],
  ['START', 'opt_in'],
  ['unstop', 'opt_in'],
  ['HELP', 'help'],
  ['help?', 'help'],
  ['Info', 'help'],
  ['Thanks!', 'other'],
  ['When does my order ship?', 'other'],
  ['yes please send the coupon', 'other'],
  ['The end of the story was great', 'other'],
  ['Can I stop by the store tomorrow and pick it up from you', 'other'],
  ['', 'other'],
];

describe('inbound keyword classification', () => {
  for (const [body, kind] of cases) {
    test(`${JSON.stringify(body)} → ${kind}`, () => assert.equal(classifyInbound(body).kind, kind));
  }
});
