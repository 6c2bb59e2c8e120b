import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { FormAlert, useAction, useDashboard } from '@rapport/dashboard-ui';
import type { SequenceView } from '@rapport/reviews/schemas';
import type { StoreApi } from '../../store-api.js';

interface Props {
  opened: boolean;
  sequence: SequenceView;
  paths: StoreApi;
  onStopped: (sequence: SequenceView) => void;
  onClose: () => void;
}

/** Stop, confirmed first: stopping also withdraws the review requests already scheduled, which cannot be undone. */
export function StopSequenceModal({ opened, sequence, paths, onStopped, onClose }: Props) {
  const { api } = useDashboard();
  const stop = useAction();
  const close = () => {
    stop.reset();
    onClose();
  };
  const confirm = () => stop.run(async () => onStopped(await api.post<SequenceView>(paths.stopSequence(sequence.sequence_id))));
  return (
    <Modal opened={opened} onClose={close} title="Stop this sequence?" centered>
      <Stack gap="md">
        <Text size="sm">
          No more orders get a review request from it, and the requests it has already scheduled are withdrawn: none of them is sent.
          Starting it again later only recruits orders fulfilled after that.
        </Text>
        <FormAlert messages={stop.error ? [stop.error] : []} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close} disabled={stop.pending} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={stop.pending}>
            Stop sequence
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
