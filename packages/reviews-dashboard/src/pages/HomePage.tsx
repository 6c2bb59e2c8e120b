import { Card, DataList, Stack, Title } from '@mantine/core';
import { InviteTeammate, useDashboard, useSession, type Invitation } from '@rapport/dashboard-ui';
import type { Store } from '../store.js';

/** The store as the platform knows it, and the Team section. */
export function HomePage() {
  const { api } = useDashboard();
  const { tenant: store } = useSession<Store>();
  if (!store) return null;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">
        {store.name}
      </Title>
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
