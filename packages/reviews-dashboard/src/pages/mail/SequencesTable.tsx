import { Anchor, Badge, Table } from '@mantine/core';
import type { SequenceView } from '@rapport/reviews/schemas';
import { Link } from 'react-router';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import { sequenceStatusBadge } from './sequence-status.js';
import { waitSummary } from './wait-summary.js';

/** The store's sequences, each opening its editor. */
export function SequencesTable({ sequences, timeZone }: { sequences: SequenceView[]; timeZone: string }) {
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing="sm" aria-label="Your sequences">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Wait</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Started</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sequences.map((s) => {
            const badge = sequenceStatusBadge(s.status);
            return (
              <Table.Tr key={s.sequence_id}>
                <Table.Td>
                  <Anchor component={Link} to={`/mail/sequences/${encodeURIComponent(s.sequence_id)}`} fw={500}>
                    {s.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{waitSummary(s.wait_days, s.after)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={badge.color}>
                    {badge.label}
                  </Badge>
                </Table.Td>
                <Table.Td>{s.status === 'draft' ? '—' : zonedTime(s.started_at, timeZone)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
