import { Alert, Card, SimpleGrid, Skeleton, Text, Title, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useId } from 'react';
import { dailyRows, type DailyCount } from './daily-series.js';

export interface DailySeries {
  key: string;
  label: string;
  /** A Mantine colour such as "teal.6". */
  color: string;
}

const DailyBars = lazy(() => import('./DailyBars.js'));

const PALETTE = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.7', 'indigo.6', 'yellow.7', 'red.6'];

/** Colours for series known only at run time (event types), stable for a given order of keys. */
export function paletteSeries(keys: readonly string[]): DailySeries[] {
  return keys.map((key, i) => ({ key, label: key, color: PALETTE[i % PALETTE.length] ?? 'gray.6' }));
}

/**
 * A stacked bar per day (Mantine charts over recharts). The same numbers are also a table for screen
 * readers, since an SVG chart says nothing to them; the section is named by its title.
 */
export function DailyChart(props: {
  title: string;
  counts: readonly DailyCount[];
  series: readonly DailySeries[];
  from: string;
  to: string;
  emptyText?: string;
}) {
  const headingId = useId();
  const rows = dailyRows(
    props.counts,
    props.series.map((s) => s.key),
    props.from,
    props.to,
  );
  const total = props.counts.reduce((n, c) => n + c.count, 0);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {props.title}
      </Title>
      {total === 0 ? (
        <Text c="dimmed" size="sm">
          {props.emptyText ?? 'Nothing yet in this period.'}
        </Text>
      ) : (
        <>
          <Suspense fallback={<Skeleton h={220} aria-hidden />}>
            <DailyBars rows={rows} series={props.series} />
          </Suspense>
          <VisuallyHidden>
            <table>
              <caption>{props.title}</caption>
              <thead>
                <tr>
                  <th>Day</th>
                  {props.series.map((s) => (
                    <th key={s.key}>{s.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.day}>
                    <td>{r.day}</td>
                    {props.series.map((s) => (
                      <td key={s.key}>{r[s.key]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </>
      )}
    </Card>
  );
}

/** One chart of a home page's row: its title, counts and series; the period is the row's. */
export interface ChartSpec {
  title: string;
  counts: readonly DailyCount[];
  series: readonly DailySeries[];
  emptyText: string;
}

/**
 * A home page's charts side by side (one column on a phone), over one period, or the error that kept them
 * from loading. Nothing while they load.
 */
export function DailyChartsRow(props: {
  error?: Error | undefined;
  period?: { from: string; to: string } | undefined;
  charts: readonly ChartSpec[];
}) {
  if (props.error) {
    return (
      <Alert color="red" role="alert" variant="light">
        {props.error.message}
      </Alert>
    );
  }
  const period = props.period;
  if (!period) return null;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {props.charts.map((c) => (
        <DailyChart
          key={c.title}
          title={c.title}
          counts={c.counts}
          series={c.series}
          from={period.from}
          to={period.to}
          emptyText={c.emptyText}
        />
      ))}
    </SimpleGrid>
  );
}
