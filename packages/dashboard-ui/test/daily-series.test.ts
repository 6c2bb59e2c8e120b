import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dailyRows, daysBetween, seriesKeys } from '../src/charts/daily-series.js';

test('every day of the range is a row, quiet days at zero, across a month end', () => {
  assert.deepEqual(daysBetween('2026-11-29', '2026-12-02'), ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  const rows = dailyRows(
    [
      { day: '2026-11-30', key: 'sent', count: 3 },
      { day: '2026-11-30', key: 'failed', count: 1 },
      { day: '2026-12-02', key: 'sent', count: 2 },
      { day: '2026-10-01', key: 'sent', count: 9 }, // outside the range: dropped
      { day: '2026-12-01', key: 'unknown', count: 5 }, // not a series: dropped
    ],
    ['sent', 'failed'],
    '2026-11-29',
    '2026-12-02',
  );
  assert.deepEqual(rows, [
    { day: '2026-11-29', sent: 0, failed: 0 },
    { day: '2026-11-30', sent: 3, failed: 1 },
    { day: '2026-12-01', sent: 0, failed: 0 },
    { day: '2026-12-02', sent: 2, failed: 0 },
  ]);
});

test('series keys come most frequent first, ties by name', () => {
  assert.deepEqual(
    seriesKeys([
      { day: '2026-12-01', key: 'Review Created', count: 2 },
      { day: '2026-12-02', key: 'Clicked Link', count: 2 },
      { day: '2026-12-02', key: 'Review Request Created', count: 5 },
    ]),
    ['Review Request Created', 'Clicked Link', 'Review Created'],
  );
});
