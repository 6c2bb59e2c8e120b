import { Alert, Anchor, Card, DataList, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import type { CustomerProfileView } from '@rapport/reviews/schemas';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { storeApi } from '../../store-api.js';
import { useStore } from '../../store.js';
import { Rating, SentimentBadge } from '../reviews/ReviewBits.js';
import { activityText, lastSyncLine, propertyRows } from './profile-sync.js';

/** A customer's profile: who they are, their reviews and orders, their timeline, and what Postscript last received. */
export function CustomerPage() {
  const { api } = useDashboard();
  const store = useStore();
  const { customerId = '' } = useParams();
  const paths = useMemo(() => storeApi(store.id), [store.id]);
  const profile = useLoad(() => api.get<CustomerProfileView>(paths.customer(customerId)), [api, paths, customerId]);
  const tz = store.time_zone;
  const c = profile.data;
  const properties = c ? propertyRows(c.postscript) : [];

  return (
    <Stack gap="lg" maw={1100}>
      <Anchor component={Link} to="/customers" size="sm">
        ← All customers
      </Anchor>
      {profile.error ? (
        <Alert color="red" role="alert" variant="light">
          {profile.error.message}
        </Alert>
      ) : null}
      {c ? (
        <>
          <Title order={1} size="h2">
            {c.name ?? c.email ?? c.phone ?? 'Customer'}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="customer-heading">
              <Title order={2} size="h4" id="customer-heading" mb="sm">
                Profile
              </Title>
              <DataList labelWidth={140}>
                <DataList.Item>
                  <DataList.ItemLabel>Name</DataList.ItemLabel>
                  <DataList.ItemValue>{c.name ?? '—'}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Email</DataList.ItemLabel>
                  <DataList.ItemValue>{c.email ?? '—'}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Phone</DataList.ItemLabel>
                  <DataList.ItemValue>{c.phone ?? '—'}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Region</DataList.ItemLabel>
                  <DataList.ItemValue>{[c.zone_code, c.country_code].filter(Boolean).join(', ') || '—'}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Customer since</DataList.ItemLabel>
                  <DataList.ItemValue>{zonedTime(c.created_at, tz)}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Orders</DataList.ItemLabel>
                  <DataList.ItemValue>
                    {c.orders.length === 0
                      ? 'None'
                      : c.orders.map((o, i) => (
                          <span key={o.order_id}>
                            {i > 0 ? ', ' : ''}
                            <Anchor component={Link} to={`/orders/${encodeURIComponent(o.order_id)}`}>
                              {o.name}
                            </Anchor>
                          </span>
                        ))}
                  </DataList.ItemValue>
                </DataList.Item>
              </DataList>
            </Card>
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="synced-heading">
              <Title order={2} size="h4" id="synced-heading" mb={4}>
                Profile properties as last synced to Postscript
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {lastSyncLine(c.postscript, tz)}
              </Text>
              {properties.length > 0 ? (
                <Table aria-label="Synced profile properties" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Property</Table.Th>
                      <Table.Th>Value</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {properties.map((p) => (
                      <Table.Tr key={p.name}>
                        <Table.Td>{p.name}</Table.Td>
                        <Table.Td>{p.value}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text size="sm">No property has reached Postscript.</Text>
              )}
            </Card>
          </SimpleGrid>
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="customer-reviews-heading">
            <Title order={2} size="h4" id="customer-reviews-heading" mb="sm">
              Reviews
            </Title>
            {c.reviews.length === 0 ? (
              <Text size="sm" c="dimmed">
                No reviews yet.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table aria-label="Their reviews" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th miw={120}>Rating</Table.Th>
                      <Table.Th miw={120}>Sentiment</Table.Th>
                      <Table.Th>Review</Table.Th>
                      <Table.Th>Product</Table.Th>
                      <Table.Th>Date</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.reviews.map((r) => (
                      <Table.Tr key={r.review_id}>
                        <Table.Td>
                          <Rating rating={r.rating} />
                        </Table.Td>
                        <Table.Td>
                          <SentimentBadge sentiment={r.sentiment} />
                        </Table.Td>
                        <Table.Td maw={260}>
                          <Anchor component={Link} to={`/reviews/${encodeURIComponent(r.review_id)}`} lineClamp={2}>
                            {r.title ?? r.body}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{r.product_title}</Table.Td>
                        <Table.Td>{zonedTime(r.created_at, tz)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="timeline-heading">
            <Title order={2} size="h4" id="timeline-heading" mb="sm">
              Timeline
            </Title>
            {c.timeline.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing has happened yet.
              </Text>
            ) : (
              <Timeline bulletSize={12} lineWidth={2}>
                {c.timeline.map((t) => (
                  <Timeline.Item key={t.activity_id} title={activityText(t.type)}>
                    <Text size="xs" c="dimmed">
                      {zonedTime(t.occurred_at, tz)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Card>
        </>
      ) : null}
    </Stack>
  );
}
