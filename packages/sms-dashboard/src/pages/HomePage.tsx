import { Card, Code, DataList, Stack, Title } from '@mantine/core';
import { DailyChartsRow, InviteTeammate, useDashboard, useLoad, useSession, type Invitation } from '@rapport/dashboard-ui';
import type { ShopStatsView } from '@rapport/sms/schemas';
import type { Shop } from '../shop.js';
import { eventSeries, STATS_DAYS, TEXT_SERIES } from './home-charts.js';

/**
 * The last 30 days in charts (per calendar day of the shop's zone), the shop as the API knows it (its id is
 * what API calls and the CLI name it by), and the Team section.
 */
export function HomePage() {
  const { api } = useDashboard();
  const { tenant: shop } = useSession<Shop>();
  const shopId = shop?.id ?? '';
  const stats = useLoad(() => api.get<ShopStatsView>(`/api/dashboard/stats?days=${STATS_DAYS}`), [api, shopId]);
  if (!shop) return null;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {shop.name}
      </Title>
      <DailyChartsRow
        error={stats.error}
        period={stats.data}
        charts={
          stats.data
            ? [
                {
                  title: 'Texts per day',
                  counts: stats.data.texts,
                  series: TEXT_SERIES,
                  emptyText: `No texts sent in the last ${STATS_DAYS} days.`,
                },
                {
                  title: 'Events received per day by type',
                  counts: stats.data.events,
                  series: eventSeries(stats.data.events),
                  emptyText: `No events in the last ${STATS_DAYS} days.`,
                },
              ]
            : []
        }
      />
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="shop-heading">
        <Title order={2} size="h4" id="shop-heading" mb="sm">
          Shop
        </Title>
        <DataList labelWidth={120}>
          <DataList.Item>
            <DataList.ItemLabel>ID</DataList.ItemLabel>
            <DataList.ItemValue>
              <Code>{shop.id}</Code>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Name</DataList.ItemLabel>
            <DataList.ItemValue>{shop.name}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Time zone</DataList.ItemLabel>
            <DataList.ItemValue>{shop.time_zone}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Currency</DataList.ItemLabel>
            <DataList.ItemValue>{shop.currency}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Card>
      <InviteTeammate tenantName={shop.name} create={(email) => api.post<Invitation>('/api/dashboard/invitations', { email })} />
    </Stack>
  );
}
