import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storeTime } from '../src/store-time.js';

test('times read in the store’s zone; nothing is an em dash', () => {
  assert.equal(storeTime('2026-03-10T16:00:00Z', 'America/Toronto'), 'Mar 10, 2026, 12:00 PM');
  assert.equal(storeTime(null, 'UTC'), '—');
  assert.equal(storeTime(undefined, 'UTC'), '—');
});
