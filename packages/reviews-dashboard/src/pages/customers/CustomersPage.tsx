import { Alert, Anchor, Badge, Card, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { CustomerView } from '@rapport/reviews/schemas';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { storeApi } from '../../store-api.js';
import { useStore } from '../../store.js';

const LIMIT = 100;

/** Customers: search by email, phone or name; each opens the profile. */
export function CustomersPage() {
  const { api } = useDashboard();
  const store = useStore();
  const paths = useMemo(() => storeApi(store.id), [store.id]);
  const [search, setSearch] = useState('');
  const list = useLoad(
    () => api.get<{ customers: CustomerView[] }>(paths.customers({ search, limit: LIMIT })).then((r) => r.customers),
    [api, paths, search],
  );

  return (
    <Stack gap="lg" maw={1040}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          Customers
        </Title>
        <Text size="sm" c="dimmed">
          Everyone who ordered from {store.name} or reviewed, newest first.
        </Text>
      </Stack>
      <Card withBorder padding="lg" radius="md">
        <Stack gap="sm">
          <TextInput
            label="Search customers"
            description="The start of an email, a phone number or a name"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maw={360}
          />
          {list.error ? (
            <Alert color="red" role="alert" variant="light">
              {list.error.message}
            </Alert>
          ) : null}
          {list.data?.length === 0 ? (
            <Text size="sm" c="dimmed">
              {search.trim() ? 'No customer matches.' : 'No customers yet. They arrive with Shopify’s order and customer webhooks.'}
            </Text>
          ) : null}
          {list.data && list.data.length > 0 ? (
            <Table.ScrollContainer minWidth={680}>
              <Table verticalSpacing="sm" aria-label="Customers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Phone</Table.Th>
                    <Table.Th>Reviews</Table.Th>
                    <Table.Th>Postscript</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((c) => (
                    <Table.Tr key={c.customer_id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/customers/${encodeURIComponent(c.customer_id)}`} fw={500}>
                          {c.name ?? c.email ?? c.phone ?? c.customer_id}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{c.email ?? '—'}</Table.Td>
                      <Table.Td>{c.phone ?? '—'}</Table.Td>
                      <Table.Td>{c.review_count}</Table.Td>
                      <Table.Td>
                        {c.postscript_subscriber_id ? (
                          <Badge variant="light" color="teal">
                            Subscriber
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Not matched
                          </Text>
                        )}
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
