import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { apiPath, FormAlert, useAction, useDashboard } from '@rapport/dashboard-ui';
import type { ApiKeyView } from '@rapport/sms/schemas';
import { useState } from 'react';

/**
 * Revoke: asked once more, since every integration using the key breaks. "Within 5 seconds" is the API's
 * key cache (API_KEY_CACHE_MS in packages/sms/src/api/auth.ts): each API process may trust a verified key
 * that long before asking the database again.
 */
export function RevokeKeyModal({
  apiKey,
  onRevoked,
  onClose,
}: {
  apiKey: ApiKeyView | null;
  onRevoked: (key: ApiKeyView) => void;
  onClose: () => void;
}) {
  const { api } = useDashboard();
  const revoke = useAction();
  // The pair stays written while the dialog fades out after apiKey turns null.
  const [shown, setShown] = useState(apiKey);
  if (apiKey !== null && apiKey !== shown) setShown(apiKey);
  const close = () => {
    revoke.reset();
    onClose();
  };
  const confirm = () =>
    revoke.run(async () => {
      if (!apiKey) return;
      onRevoked(await api.request<ApiKeyView>('DELETE', apiPath`/api/dashboard/keys/${apiKey.id}`));
      revoke.reset();
    });
  return (
    <Modal opened={apiKey !== null} onClose={close} title="Revoke this key pair?" centered>
      <Stack gap="md">
        <Text size="sm">
          {shown?.label ? `“${shown.label}” ` : 'The pair '}
          <Code>{shown?.public_key}</Code> stops working within 5 seconds for every caller using its private key — Okendo, scripts, anything
          else. This cannot be undone: to connect again, create a new pair.
        </Text>
        <FormAlert messages={revoke.error ? [revoke.error] : []} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close} disabled={revoke.pending} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={revoke.pending}>
            Revoke key
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
