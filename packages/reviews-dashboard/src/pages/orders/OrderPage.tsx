import { Alert, Anchor, Card, DataList, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import type { OrderDetailView } from '@rapport/reviews/schemas';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { storeApi } from '../../store-api.js';
import { useStore } from '../../store.js';
import { fulfillmentText, paymentText } from './review-state.js';
import { ReviewRequestBadge } from './ReviewRequestBadge.js';

/** One order: what Shopify said about it, its items, and every review request (or why there is none). */
export function OrderPage() {
  const { api } = useDashboard();
  const store = useStore();
  const { orderId = '' } = useParams();
  const paths = useMemo(() => storeApi(store.id), [store.id]);
  const order = useLoad(() => api.get<OrderDetailView>(paths.order(orderId)), [api, paths, orderId]);
  const tz = store.time_zone;
  const o = order.data;

  return (
    <Stack gap="lg" maw={1040}>
      <Anchor component={Link} to="/orders" size="sm">
        ← All orders
      </Anchor>
      {order.error ? (
        <Alert color="red" role="alert" variant="light">
          {order.error.message}
        </Alert>
      ) : null}
      {o ? (
        <>
          <Title order={1} size="h2">
            Order {o.name}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="order-heading">
              <Title order={2} size="h4" id="order-heading" mb="sm">
                Order
              </Title>
              <DataList labelWidth={130}>
                <DataList.Item>
                  <DataList.ItemLabel>Placed</DataList.ItemLabel>
                  <DataList.ItemValue>{zonedTime(o.created_at, tz)}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Customer</DataList.ItemLabel>
                  <DataList.ItemValue>
                    {o.customer_id ? (
                      <Anchor component={Link} to={`/customers/${encodeURIComponent(o.customer_id)}`}>
                        {o.customer_name ?? o.email ?? o.phone ?? 'Customer'}
                      </Anchor>
                    ) : (
                      'None'
                    )}
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Email</DataList.ItemLabel>
                  <DataList.ItemValue>{o.email ?? '—'}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Phone</DataList.ItemLabel>
                  <DataList.ItemValue>{o.phone ?? '—'}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Payment</DataList.ItemLabel>
                  <DataList.ItemValue>{paymentText(o.financial_status)}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Fulfilment</DataList.ItemLabel>
                  <DataList.ItemValue>{fulfillmentText(o, tz)}</DataList.ItemValue>
                </DataList.Item>
                {o.cancelled_at ? (
                  <DataList.Item>
                    <DataList.ItemLabel>Cancelled</DataList.ItemLabel>
                    <DataList.ItemValue>{zonedTime(o.cancelled_at, tz)}</DataList.ItemValue>
                  </DataList.Item>
                ) : null}
                {o.refunded_at ? (
                  <DataList.Item>
                    <DataList.ItemLabel>Refunded</DataList.ItemLabel>
                    <DataList.ItemValue>{zonedTime(o.refunded_at, tz)}</DataList.ItemValue>
                  </DataList.Item>
                ) : null}
              </DataList>
            </Card>
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="order-request-heading">
              <Title order={2} size="h4" id="order-request-heading" mb="sm">
                Review request
              </Title>
              <Stack gap="sm">
                {(o.review_requests.length > 0 ? o.review_requests : [o.review_request]).map((r, i) => (
                  <ReviewRequestBadge key={'review_request_id' in r ? r.review_request_id : i} status={r} timeZone={tz} />
                ))}
              </Stack>
            </Card>
          </SimpleGrid>
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="order-items-heading">
            <Title order={2} size="h4" id="order-items-heading" mb="sm">
              Items
            </Title>
            <Table.ScrollContainer minWidth={420}>
              <Table aria-label="Items">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Product</Table.Th>
                    <Table.Th>Variant</Table.Th>
                    <Table.Th>Quantity</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.line_items.map((li, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        {li.title}
                        {li.product_id ? null : (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            (custom item, not reviewable)
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{li.variant_title ?? '—'}</Table.Td>
                      <Table.Td>{li.quantity}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </>
      ) : null}
    </Stack>
  );
}
