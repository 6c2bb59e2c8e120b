import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useAction, useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { SequenceView } from '@rapport/reviews/schemas';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { storeApi } from '../../store-api.js';
import { useStore } from '../../store.js';
import { DoubleWaitAlert } from './DoubleWaitAlert.js';
import { PostscriptNotice } from './PostscriptNotice.js';
import { headerAction, sequenceStatusBadge, statusLine } from './sequence-status.js';
import { SequenceFlow } from './SequenceFlow.js';
import { StopSequenceModal } from './StopSequenceModal.js';
import { WaitDrawer } from './WaitDrawer.js';

/**
 * One sequence: Start (or Stop) at the top left of the header — the seed's "select the Start button in the
 * top-left corner of the page" — then its flow, whose Wait opens the side panel.
 */
export function SequenceEditorPage() {
  const { api } = useDashboard();
  const store = useStore();
  const { sequenceId = '' } = useParams();
  const paths = useMemo(() => storeApi(store.id), [store.id]);
  const loaded = useLoad(() => api.get<SequenceView>(paths.sequence(sequenceId)), [api, paths, sequenceId]);
  const start = useAction();
  const [waitOpen, setWaitOpen] = useState(false);
  // Each opening of the side panel mounts it afresh (its key prop), with the saved values.
  const [waitRound, setWaitRound] = useState(0);
  const [stopping, setStopping] = useState(false);
  const sequence = loaded.data;
  const replace = (next: SequenceView) => loaded.update(() => next);

  const back = (
    <Anchor component={Link} to="/mail/sequences" size="sm">
      All sequences
    </Anchor>
  );
  if (loaded.error) {
    return (
      <Stack gap="md" maw={720}>
        <Alert color="red" role="alert" variant="light">
          {loaded.error.message}
        </Alert>
        {back}
      </Stack>
    );
  }
  if (!sequence) return null;
  const badge = sequenceStatusBadge(sequence.status);

  return (
    <Stack gap="lg" maw={720}>
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap" align="center">
          {headerAction(sequence.status) === 'start' ? (
            <Button
              loading={start.pending}
              onClick={() => start.run(async () => replace(await api.post<SequenceView>(paths.startSequence(sequence.sequence_id))))}
            >
              Start
            </Button>
          ) : (
            <Button color="red" variant="light" onClick={() => setStopping(true)}>
              Stop
            </Button>
          )}
          <Title order={1} size="h2">
            {sequence.name}
          </Title>
          <Badge variant="light" color={badge.color}>
            {badge.label}
          </Badge>
        </Group>
        {start.error ? (
          <Text size="sm" c="red" role="alert">
            {start.error}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {statusLine(sequence, store.time_zone)} {back}
        </Text>
      </Stack>

      <PostscriptNotice paths={paths} />
      <SequenceFlow
        sequence={sequence}
        waitNote={<DoubleWaitAlert paths={paths} waitDays={sequence.wait_days} after={sequence.after} />}
        onEditWait={() => {
          setWaitRound((n) => n + 1);
          setWaitOpen(true);
        }}
      />

      <WaitDrawer
        key={waitRound}
        opened={waitOpen}
        sequence={sequence}
        paths={paths}
        onSaved={(saved) => {
          replace(saved);
          setWaitOpen(false);
        }}
        onClose={() => setWaitOpen(false)}
      />
      <StopSequenceModal
        opened={stopping}
        sequence={sequence}
        paths={paths}
        onStopped={(stopped) => {
          replace(stopped);
          setStopping(false);
        }}
        onClose={() => setStopping(false)}
      />
    </Stack>
  );
}
