import { Alert, Card, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { DeliveryLogEntry } from '@rapport/reviews/schemas';
import { useState } from 'react';
import type { StoreApi } from '../../store-api.js';
import { STATE_FILTER, type DeliveryState } from './sync-log.js';
import { SyncLogRow } from './SyncLogRow.js';

/** The newest calls only: the log is for finding what went wrong lately, and the filter reaches older failures. */
const LIMIT = 50;

interface Props {
  paths: StoreApi;
  timeZone: string;
  /** Changes when something elsewhere on the page may have added calls (a key saved): the log is read again. */
  version: number;
  onReplayed: () => void;
}

/** The Postscript sync log: every call and its outcome, newest first, by state; failed and skipped calls can be replayed. */
export function SyncLog({ paths, timeZone, version, onReplayed }: Props) {
  const { api } = useDashboard();
  const [state, setState] = useState<DeliveryState | ''>('');
  const log = useLoad(
    () => api.get<{ entries: DeliveryLogEntry[] }>(paths.postscriptLog({ state: state || undefined, limit: LIMIT })).then((r) => r.entries),
    [api, paths, state, version],
  );
  const replaced = (entry: DeliveryLogEntry) => {
    log.update((entries) => entries.map((e) => (e.id === entry.id ? entry : e)));
    onReplayed();
  };

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="sync-log-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h4" id="sync-log-heading">
              Postscript sync log
            </Title>
            <Text size="sm" c="dimmed">
              Every call to Postscript, newest first (the last {LIMIT}).
            </Text>
          </Stack>
          <Select
            label="State"
            data={STATE_FILTER}
            value={state}
            onChange={(v) => setState((v ?? '') as DeliveryState | '')}
            allowDeselect={false}
            w={180}
          />
        </Group>
        {log.error ? (
          <Alert color="red" role="alert" variant="light">
            {log.error.message}
          </Alert>
        ) : null}
        {log.data?.length === 0 ? (
          <Text size="sm" c="dimmed">
            {state ? 'No call in this state.' : 'No calls yet. They start once a customer reviews, orders or is asked for a review.'}
          </Text>
        ) : null}
        {log.data && log.data.length > 0 ? (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" aria-label="Postscript calls">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Call</Table.Th>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.map((entry) => (
                  <SyncLogRow key={entry.id} entry={entry} paths={paths} timeZone={timeZone} onReplayed={replaced} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}
