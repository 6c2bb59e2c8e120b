import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { DailyRow } from './daily-series.js';

export interface DailyBarsProps {
  rows: DailyRow[];
  series: readonly { key: string; label: string; color: string }[];
}

/**
 * The chart itself, in its own module so DailyChart can load it lazily: recharts and Mantine charts are
 * ~130 KiB gzipped, more than the rest of a dashboard's libraries' growth budget, and only the home page
 * draws charts (measured in docs/performance.md).
 */
export default function DailyBars({ rows, series }: DailyBarsProps) {
  return (
    <BarChart
      h={220}
      data={rows}
      dataKey="day"
      type="stacked"
      withLegend
      series={series.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
      xAxisProps={{ tickFormatter: (d: string) => d.slice(5) }}
      yAxisProps={{ allowDecimals: false }}
    />
  );
}
