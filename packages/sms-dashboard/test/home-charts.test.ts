import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventSeries, TEXT_SERIES } from '../src/pages/home-charts.js';

test('texts chart: delivered, sent without a receipt, failed — the keys the stats route sends', () => {
  assert.deepEqual(
    TEXT_SERIES.map((s) => s.key),
    ['delivered', 'sent', 'failed'],
  );
});

test('events chart: one series per type seen, the most frequent first, each its own colour', () => {
  const series = eventSeries([
    { day: '2026-12-01', key: 'Review Created', count: 1 },
    { day: '2026-12-01', key: 'Review Request Created', count: 3 },
    { day: '2026-12-02', key: 'Review Created', count: 1 },
  ]);
  assert.deepEqual(
    series.map((s) => s.key),
    ['Review Request Created', 'Review Created'],
  );
  assert.equal(new Set(series.map((s) => s.color)).size, 2);
  assert.deepEqual(eventSeries([]), []);
});
