import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { FormAlert, useAction, useDashboard } from '@rapport/dashboard-ui';
import type { StoreApi } from '../../store-api.js';

interface Props {
  opened: boolean;
  shopName: string;
  paths: StoreApi;
  onDisconnected: () => void;
  onClose: () => void;
}

/** Disconnect, confirmed first: the key is forgotten, and calls still queued are skipped until a key is saved again. */
export function DisconnectPostscriptModal({ opened, shopName, paths, onDisconnected, onClose }: Props) {
  const { api } = useDashboard();
  const disconnect = useAction();
  const close = () => {
    disconnect.reset();
    onClose();
  };
  const confirm = () =>
    disconnect.run(async () => {
      await api.request<null>('DELETE', paths.postscript);
      onDisconnected();
    });
  return (
    <Modal opened={opened} onClose={close} title="Disconnect Postscript?" centered>
      <Stack gap="md">
        <Text size="sm">
          Reviews, profile properties and review requests stop going to {shopName}, and the saved key is forgotten. Calls still waiting are
          skipped; you can replay them from the sync log after connecting again.
        </Text>
        <FormAlert messages={disconnect.error ? [disconnect.error] : []} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close} disabled={disconnect.pending} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={disconnect.pending}>
            Disconnect
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
