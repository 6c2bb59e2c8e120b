import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useAction, useDashboard } from '@rapport/dashboard-ui';
import type { DeliveryLogEntry } from '@rapport/reviews/schemas';
import type { StoreApi } from '../../store-api.js';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import { canReplay, kindLabel, outcomeText, stateColor, stateLabel } from './sync-log.js';

interface Props {
  entry: DeliveryLogEntry;
  paths: StoreApi;
  timeZone: string;
  onReplayed: (entry: DeliveryLogEntry) => void;
}

/** One call to Postscript: when, what, for whom, how it ended; Replay on a failed or skipped one. */
export function SyncLogRow({ entry, paths, timeZone, onReplayed }: Props) {
  const { api } = useDashboard();
  const replay = useAction();
  const attempts = entry.replays > 0 ? `${entry.attempts} (replayed ${entry.replays}×)` : String(entry.attempts);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{zonedTime(entry.created_at, timeZone)}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {entry.name}
        </Text>
        <Text size="xs" c="dimmed">
          {kindLabel(entry.kind)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {entry.customer_id}
        </Text>
      </Table.Td>
      <Table.Td>
        {/* Never narrower than its word: a table cell would otherwise squeeze the badge to an ellipsis. */}
        <Badge variant="light" color={stateColor(entry.state)} miw="max-content">
          {stateLabel(entry.state)}
        </Badge>
      </Table.Td>
      <Table.Td>{attempts}</Table.Td>
      <Table.Td>
        <Text size="sm">{outcomeText(entry)}</Text>
      </Table.Td>
      <Table.Td>
        {canReplay(entry) ? (
          <Stack gap={4} align="flex-start">
            <Button
              size="xs"
              variant="light"
              loading={replay.pending}
              onClick={() => replay.run(async () => onReplayed(await api.post<DeliveryLogEntry>(paths.replay(entry.id))))}
            >
              Replay
            </Button>
            {replay.error ? (
              <Text size="xs" c="red" role="alert">
                {replay.error}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
