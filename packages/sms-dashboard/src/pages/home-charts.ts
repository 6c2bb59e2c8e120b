/** The home page's chart series (pure, tested in test/home-charts.test.ts): texts by fixed outcome, events by type. */
import { paletteSeries, seriesKeys, type DailyCount, type DailySeries } from '@rapport/dashboard-ui';

export const STATS_DAYS = 30;

export const TEXT_SERIES: readonly DailySeries[] = [
  { key: 'delivered', label: 'Delivered', color: 'teal.6' },
  { key: 'sent', label: 'Sent (no receipt yet)', color: 'blue.5' },
  { key: 'failed', label: 'Failed', color: 'red.6' },
];

/** One series per event type seen in the period, the most frequent first (and first in the palette). */
export const eventSeries = (counts: readonly DailyCount[]): DailySeries[] => paletteSeries(seriesKeys(counts));
