import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zonedTime } from '../src/format/zoned-time.js';

test('times read in the tenant’s zone; nothing is an em dash', () => {
  assert.equal(zonedTime('2026-03-10T16:00:00Z', 'America/Toronto'), 'Mar 10, 2026, 12:00 PM');
  assert.equal(zonedTime('2026-03-10T16:00:00Z', 'America/New_York'), 'Mar 10, 2026, 12:00 PM');
  assert.equal(zonedTime(null, 'UTC'), '—');
  assert.equal(zonedTime(undefined, 'UTC'), '—');
});
