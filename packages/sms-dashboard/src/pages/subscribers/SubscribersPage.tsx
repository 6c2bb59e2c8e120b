import { Anchor, Badge, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useDashboard, useLoad, useSession } from '@rapport/dashboard-ui';
import type { SubscriberSearchView } from '@rapport/sms/schemas';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Shop } from '../../shop.js';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import { statusColor } from './format.js';

const STATUSES = [
  { value: '', label: 'All statuses' },
  { value: 'subscribed', label: 'Subscribed' },
  { value: 'pending', label: 'Pending (waiting for Y)' },
  { value: 'unsubscribed', label: 'Unsubscribed' },
];

/** Subscribers: search by phone or email, filter by status; each row opens the profile. */
export function SubscribersPage() {
  const { api } = useDashboard();
  const { tenant: shop } = useSession<Shop>();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const query = new URLSearchParams({ ...(debounced.trim() ? { q: debounced.trim() } : {}), ...(status ? { status } : {}) }).toString();
  const { data, error } = useLoad(() => api.get<SubscriberSearchView>(`/api/subscribers${query ? `?${query}` : ''}`), [api, query]);
  const zone = shop?.time_zone ?? 'UTC';
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Subscribers
      </Title>
      <Group align="end" wrap="wrap">
        <TextInput label="Search" placeholder="Phone number or email" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={320} />
        <Select label="Status" data={STATUSES} value={status} onChange={(v) => setStatus(v ?? '')} allowDeselect={false} w={240} />
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {data.page_info.total === 1 ? '1 subscriber' : `${data.page_info.total} subscribers`}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Phone</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.subscribers.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/subscribers/${encodeURIComponent(s.id)}`}>
                        {s.phone_number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{s.email ?? '—'}</Table.Td>
                    <Table.Td>{[s.first_name, s.last_name].filter(Boolean).join(' ') || '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor(s.status)} variant="light">
                        {s.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{zonedTime(s.created_at, zone)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.subscribers.length === 0 && <Text c="dimmed">No subscriber matches.</Text>}
        </>
      )}
    </Stack>
  );
}
