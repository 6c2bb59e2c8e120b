import { Button, Drawer, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { FormAlert, useDashboard, useSubmit } from '@rapport/dashboard-ui';
import type { ConnectPostscriptBody, IntegrationView } from '@rapport/reviews/schemas';
import { useState } from 'react';
import type { StoreApi } from '../../store-api.js';

const FIELDS = ['private_key', 'api_url'] as const;

interface Props {
  opened: boolean;
  /** What is saved now: its API URL fills the field (this install's SMS platform when nothing is saved). */
  current: IntegrationView;
  paths: StoreApi;
  onSaved: (view: IntegrationView) => void;
  onClose: () => void;
}

/**
 * The pencil's side panel: "Copy your Private API Key in the space provided. Select Save." Saving asks
 * Postscript whether the key works; a wrong key, or the public key of the pair, is refused and the API's
 * message is shown under the field. The key is never kept after the panel closes.
 */
export function PostscriptKeyDrawer({ opened, current, paths, onSaved, onClose }: Props) {
  const { api } = useDashboard();
  const [key, setKey] = useState('');
  const [apiUrl, setApiUrl] = useState(current.api_url);
  const form = useSubmit(FIELDS);

  const close = () => {
    setKey('');
    onClose();
  };
  const save = form.handle(async () => {
    const body: ConnectPostscriptBody = { private_key: key, ...(apiUrl.trim() ? { api_url: apiUrl.trim() } : {}) };
    const view = await api.request<IntegrationView>('PUT', paths.postscript, body);
    setKey('');
    onSaved(view);
  });

  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      title="Postscript"
      closeButtonProps={{ 'aria-label': 'Close' }}
      styles={{ title: { fontWeight: 600 } }}
    >
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <Text size="sm">
            In Postscript, select your shop name in the side menu, then API, and Show in the Private Key column. Copy that key here: it
            starts with sk_.
          </Text>
          <PasswordInput
            label="Private API Key"
            required
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            value={key}
            onChange={(e) => {
              setKey(e.currentTarget.value);
              form.clear('private_key');
            }}
            error={form.errors.fields.private_key}
            // As in dashboard-ui's PasswordField: a toggle named after the field would match a label query
            // for it, and Mantine marks an errored password input invalid only on its wrapper.
            visibilityToggleButtonProps={{ 'aria-label': 'Show the characters typed' }}
            aria-invalid={form.errors.fields.private_key ? true : undefined}
          />
          <TextInput
            label="Postscript API URL"
            description="This install's SMS platform unless you connect to another, such as https://api.postscript.io."
            autoComplete="off"
            spellCheck={false}
            value={apiUrl}
            onChange={(e) => {
              setApiUrl(e.currentTarget.value);
              form.clear('api_url');
            }}
            error={form.errors.fields.api_url}
          />
          <FormAlert messages={form.errors.form} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} disabled={form.submitting}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
