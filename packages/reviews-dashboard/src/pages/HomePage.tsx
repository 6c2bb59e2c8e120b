import { Card, DataList, Stack, Title } from '@mantine/core';
import { DailyChartsRow, InviteTeammate, useDashboard, useLoad, useSession, type Invitation } from '@rapport/dashboard-ui';
import type { StoreStatsView } from '@rapport/reviews/schemas';
import { storeApi } from '../store-api.js';
import type { Store } from '../store.js';
import { SENTIMENT_SERIES, STATS_DAYS, SYNC_SERIES } from './home-charts.js';

/** The last 30 days in charts (per calendar day of the store's zone), the store as the platform knows it, and the Team section. */
export function HomePage() {
  const { api } = useDashboard();
  const { tenant: store } = useSession<Store>();
  const storeId = store?.id ?? '';
  const stats = useLoad(() => api.get<StoreStatsView>(storeApi(storeId).stats(STATS_DAYS)), [api, storeId]);
  if (!store) return null;
  return (
    <Stack gap="lg" maw={1040}>
      <Title order={1} size="h2">
        {store.name}
      </Title>
      <DailyChartsRow
        error={stats.error}
        period={stats.data}
        charts={
          stats.data
            ? [
                {
                  title: 'Reviews per day by sentiment',
                  counts: stats.data.reviews,
                  series: SENTIMENT_SERIES,
                  emptyText: `No reviews in the last ${STATS_DAYS} days.`,
                },
                {
                  title: 'Sync calls per day by status',
                  counts: stats.data.sync_calls,
                  series: SYNC_SERIES,
                  emptyText: `No calls to Postscript in the last ${STATS_DAYS} days.`,
                },
              ]
            : []
        }
      />
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="store-heading">
        <Title order={2} size="h4" id="store-heading" mb="sm">
          Store
        </Title>
        <DataList labelWidth={120}>
          <DataList.Item>
            <DataList.ItemLabel>Name</DataList.ItemLabel>
            <DataList.ItemValue>{store.name}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Shopify domain</DataList.ItemLabel>
            <DataList.ItemValue>{store.shop_domain}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Time zone</DataList.ItemLabel>
            <DataList.ItemValue>{store.time_zone}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Currency</DataList.ItemLabel>
            <DataList.ItemValue>{store.currency}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Card>
      <InviteTeammate
        tenantName={store.name}
        create={(email) => api.post<Invitation>('/api/dashboard/invitations', { email, store_id: store.id })}
      />
    </Stack>
  );
}
