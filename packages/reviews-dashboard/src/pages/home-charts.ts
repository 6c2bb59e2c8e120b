/** The home page's chart series (pure, tested in test/home-charts.test.ts): fixed keys, fixed colours. */
import type { DailySeries } from '@rapport/dashboard-ui';

export const STATS_DAYS = 30;

export const SENTIMENT_SERIES: readonly DailySeries[] = [
  { key: 'positive', label: 'Positive', color: 'teal.6' },
  { key: 'mixed', label: 'Mixed', color: 'orange.5' },
  { key: 'neutral', label: 'Neutral', color: 'gray.5' },
  { key: 'negative', label: 'Negative', color: 'red.6' },
];

export const SYNC_SERIES: readonly DailySeries[] = [
  { key: 'delivered', label: 'Delivered', color: 'teal.6' },
  { key: 'pending', label: 'Pending', color: 'blue.5' },
  { key: 'skipped', label: 'Skipped', color: 'gray.5' },
  { key: 'failed', label: 'Failed', color: 'red.6' },
];
