import { Card, Code, DataList, Stack, Title } from '@mantine/core';
import { InviteTeammate, useDashboard, useSession, type Invitation } from '@rapport/dashboard-ui';
import type { Shop } from '../shop.js';

/** The shop as the API knows it (its id is what API calls and the CLI name it by), and the Team section. */
export function HomePage() {
  const { api } = useDashboard();
  const { tenant: shop } = useSession<Shop>();
  if (!shop) return null;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">
        {shop.name}
      </Title>
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
