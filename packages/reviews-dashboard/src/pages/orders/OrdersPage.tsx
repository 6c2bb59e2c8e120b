import { Alert, Anchor, Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import type { OrderView } from '@rapport/reviews/schemas';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { storeApi } from '../../store-api.js';
import { useStore } from '../../store.js';
import { fulfillmentText, paymentText, REVIEW_STATE_FILTER } from './review-state.js';
import { ReviewRequestBadge } from './ReviewRequestBadge.js';

const LIMIT = 200;

/** Orders: each with its review request — scheduled for when, sent, cancelled and why, or not recruited and why. */
export function OrdersPage() {
  const { api } = useDashboard();
  const store = useStore();
  const paths = useMemo(() => storeApi(store.id), [store.id]);
  const list = useLoad(() => api.get<{ orders: OrderView[] }>(paths.orders(LIMIT)).then((r) => r.orders), [api, paths]);
  const [state, setState] = useState('');
  const shown = list.data?.filter((o) => !state || o.review_request.state === state);

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          Orders
        </Title>
        <Text size="sm" c="dimmed">
          The orders Shopify sent, newest first (the last {LIMIT}), and what became of each one’s review request.
        </Text>
      </Stack>
      <Card withBorder padding="lg" radius="md">
        <Stack gap="sm">
          <Select
            label="Review request"
            data={REVIEW_STATE_FILTER.map((f) => ({ ...f }))}
            value={state}
            onChange={(v) => setState(v ?? '')}
            allowDeselect={false}
            w={200}
          />
          {list.error ? (
            <Alert color="red" role="alert" variant="light">
              {list.error.message}
            </Alert>
          ) : null}
          {shown?.length === 0 ? (
            <Text size="sm" c="dimmed">
              {state
                ? 'No order in this state.'
                : 'No orders yet. They arrive with Shopify’s order webhooks (Settings → Integrations → Shopify).'}
            </Text>
          ) : null}
          {shown && shown.length > 0 ? (
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" aria-label="Orders">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Order</Table.Th>
                    <Table.Th>Date</Table.Th>
                    <Table.Th>Customer</Table.Th>
                    <Table.Th>Payment</Table.Th>
                    <Table.Th>Fulfilment</Table.Th>
                    <Table.Th miw={120}>Review request</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((o) => (
                    <Table.Tr key={o.order_id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/orders/${encodeURIComponent(o.order_id)}`} fw={500}>
                          {o.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{zonedTime(o.created_at, store.time_zone)}</Table.Td>
                      <Table.Td>
                        {o.customer_id ? (
                          <Anchor component={Link} to={`/customers/${encodeURIComponent(o.customer_id)}`}>
                            {o.customer_name ?? o.email ?? o.phone ?? 'Customer'}
                          </Anchor>
                        ) : (
                          (o.email ?? o.phone ?? '—')
                        )}
                      </Table.Td>
                      <Table.Td>{paymentText(o.financial_status)}</Table.Td>
                      <Table.Td>{fulfillmentText(o, store.time_zone)}</Table.Td>
                      <Table.Td>
                        <ReviewRequestBadge status={o.review_request} timeZone={store.time_zone} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      </Card>
    </Stack>
  );
}
