import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { apiPath, FormAlert, useAction, useDashboard, useSubmit } from '@rapport/dashboard-ui';
import type { ApiKeyView, NewKeyPair } from '@rapport/sms/schemas';
import { useState } from 'react';

const FIELDS = ['label'] as const;

interface Props {
  opened: boolean;
  shopName: string;
  /** The pair exists: the list behind the dialog shows it at once, labelled or not. */
  onCreated: () => void;
  onLabelled: (key: ApiKeyView) => void;
  onClose: () => void;
}

/**
 * Create Security Key Pair: first "Yes" to confirm (a new private key is a new way into the shop), then a
 * label so the merchant can tell later where the key is used. The label is optional: closing the dialog
 * keeps the pair without one, and "Edit label" adds it later.
 */
export function CreateKeyPairModal({ opened, shopName, onCreated, onLabelled, onClose }: Props) {
  const { api } = useDashboard();
  const [created, setCreated] = useState<NewKeyPair | null>(null);
  const create = useAction();
  const confirm = () =>
    create.run(async () => {
      setCreated(await api.post<NewKeyPair>('/api/dashboard/keys', {}));
      onCreated();
    });
  // Emptied once the dialog has faded out, so it does not flash back to its first question meanwhile.
  const reset = () => {
    setCreated(null);
    create.reset();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={reset}
      title={created ? 'Label your key pair' : 'Create Security Key Pair'}
      centered
    >
      {created ? (
        <LabelStep key={created.key_id} pair={created} onLabelled={onLabelled} onClose={onClose} />
      ) : (
        <Stack gap="md">
          <Text size="sm">
            Create a new security key pair for {shopName}? Its private key can call the API as this shop until you revoke it.
          </Text>
          <FormAlert messages={create.error ? [create.error] : []} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={create.pending}>
              Cancel
            </Button>
            <Button onClick={confirm} loading={create.pending} data-autofocus>
              Yes
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function LabelStep({ pair, onLabelled, onClose }: { pair: NewKeyPair; onLabelled: (key: ApiKeyView) => void; onClose: () => void }) {
  const { api } = useDashboard();
  const [label, setLabel] = useState('');
  const form = useSubmit(FIELDS);
  const save = form.handle(async () => {
    onLabelled(await api.request<ApiKeyView>('PATCH', apiPath`/api/dashboard/keys/${pair.key_id}`, { label: label.trim() || null }));
    onClose();
  });
  return (
    <form onSubmit={save} noValidate>
      <Stack gap="md">
        <Text size="sm">
          The key pair is created. Add a label so you can track where this key is used, such as “Okendo”. Select Show in the Private Key
          column to reveal the key.
        </Text>
        <TextInput
          label="Label"
          data-autofocus
          maxLength={100}
          value={label}
          onChange={(e) => {
            setLabel(e.currentTarget.value);
            form.clear('label');
          }}
          error={form.errors.fields.label}
        />
        <FormAlert messages={form.errors.form} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={form.submitting}>
            Skip
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save label
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
