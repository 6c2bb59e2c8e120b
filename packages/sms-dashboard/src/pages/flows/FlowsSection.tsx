import { Alert, Anchor, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { FlowSummary } from '@rapport/sms/schemas';
import { Link } from 'react-router';
import { StatusBadge } from './StatusBadge.js';

/** Messaging → Automations, below the legacy automations: the shop's automation flows. */
export function FlowsSection() {
  const { api } = useDashboard();
  const list = useLoad(() => api.get<{ flows: FlowSummary[] }>('/api/flows').then((r) => r.flows), [api]);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Automation flows
      </Title>
      {list.error ? (
        <Alert color="red" role="alert" variant="light">
          {list.error.message}
        </Alert>
      ) : null}
      {list.data?.length === 0 ? (
        <Card withBorder padding="lg">
          <Text c="dimmed">
            No automation flows yet. A flow waits, branches on what happened and texts at the right moment: select Create Automation, then
            Create Automation Flow.
          </Text>
        </Card>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="sm" aria-label="Automation flows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Trigger</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">In progress</Table.Th>
                <Table.Th ta="right">Texts sent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/flows/${encodeURIComponent(f.id)}`} fw={500}>
                      {f.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{f.trigger}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={f.status} />
                    {f.published_version !== null ? (
                      <Badge variant="outline" color="gray" ml="xs">
                        v{f.published_version}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{f.runs_in_progress}</Table.Td>
                  <Table.Td ta="right">{f.texts_sent}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
