import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { apiPath, FormAlert, useAction, useDashboard } from '@rapport/dashboard-ui';
import type { AutomationView } from '@rapport/sms/schemas';
import { useState } from 'react';

/** Delete, asked once more. The texts it already sent stay in each subscriber's history; it never runs again. */
export function DeleteAutomation({ automation, onDeleted }: { automation: AutomationView; onDeleted: () => void }) {
  const { api } = useDashboard();
  const [asking, setAsking] = useState(false);
  const remove = useAction();
  const close = () => {
    remove.reset();
    setAsking(false);
  };
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setAsking(true)}>
        Delete
      </Button>
      <Modal opened={asking} onClose={close} title="Delete this automation?" centered>
        <Stack gap="md">
          <Text size="sm">
            “{automation.name}” stops:{' '}
            {automation.trigger.kind === 'event'
              ? `no ${automation.trigger.name} event starts it again`
              : `no fire of ${automation.trigger.name} starts it again`}
            , and the texts it has not sent yet are not sent. The texts it already sent stay in each subscriber’s history.
          </Text>
          <FormAlert messages={remove.error ? [remove.error] : []} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} disabled={remove.pending} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.pending}
              onClick={() =>
                remove.run(async () => {
                  await api.request('DELETE', apiPath`/api/automations/${automation.id}`);
                  onDeleted();
                })
              }
            >
              Delete automation
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
