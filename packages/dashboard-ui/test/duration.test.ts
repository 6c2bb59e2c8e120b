import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysText, durationText } from '../src/format/duration.js';

test('durations read as at most two whole units, largest first', () => {
  const cases: [number, string][] = [
    [0, '0 minutes'],
    [1, '1 minute'],
    [61, '1 hour 1 minute'],
    [3 * 1440 + 5, '3 days 5 minutes'],
    [3 * 1440 + 125, '3 days 2 hours'],
  ];
  for (const [minutes, text] of cases) assert.equal(durationText(minutes), text);
  assert.equal(daysText(1), '1 day');
  assert.equal(daysText(14), '14 days');
});
