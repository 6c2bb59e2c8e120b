import { Anchor, Badge, List, Table, Text } from '@mantine/core';
import type { FlowRunView } from '@rapport/sms/schemas';
import { Link } from 'react-router';

const COLORS = { active: 'blue', waiting: 'blue', completed: 'green', exited: 'gray' } as const;

/** Runs with where they are and what they did: a flow's (with the subscriber) or a subscriber's (with the flow). */
export function FlowRunsTable({ runs, show }: { runs: FlowRunView[]; show: 'subscriber' | 'flow' }) {
  if (runs.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No runs yet.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label="Flow runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{show === 'subscriber' ? 'Subscriber' : 'Flow'}</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Steps</Table.Th>
            <Table.Th>Started</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                {show === 'subscriber' ? (
                  <Anchor component={Link} to={`/subscribers/${encodeURIComponent(r.subscriber_id)}`} size="sm">
                    {r.subscriber_id}
                  </Anchor>
                ) : (
                  <Anchor component={Link} to={`/flows/${encodeURIComponent(r.flow.id)}`} size="sm">
                    {r.flow.name} (v{r.version})
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={COLORS[r.status]} variant="light">
                  {r.status === 'waiting' && r.next_at ? `waiting at ${r.node_id}` : r.status}
                </Badge>
                {r.end_reason && r.end_reason !== 'completed' ? (
                  <Text size="xs" c="dimmed">
                    {r.end_reason}
                  </Text>
                ) : null}
                {r.next_at ? (
                  <Text size="xs" c="dimmed">
                    moves on {r.next_at.slice(0, 16).replace('T', ' ')} UTC
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <List size="xs" spacing={0}>
                  {r.steps.map((s, i) => (
                    <List.Item key={i}>
                      {s.node_id}: {s.outcome}
                    </List.Item>
                  ))}
                </List>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{r.created_at.slice(0, 16).replace('T', ' ')} UTC</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
